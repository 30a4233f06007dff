package dev.pltrack.examples.quarkus;

import dev.pltrack.HasPromptLayerRequestId;

/**
 * What the (pretend) LLM answered, with the id PromptLayer gave the logged request: returning it from
 * a {@code @TrackMetadata} method is enough for pltrack to know which request to annotate.
 */
public record ChatAnswer(long requestId, String text) implements HasPromptLayerRequestId {

    @Override
    public long promptLayerRequestId() {
        return requestId;
    }
}
