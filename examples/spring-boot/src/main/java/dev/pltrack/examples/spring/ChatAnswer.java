package dev.pltrack.examples.spring;

import dev.pltrack.HasPromptLayerRequestId;

/** An LLM answer and the PromptLayer request id it was logged under: where @TrackMetadata finds the id. */
public record ChatAnswer(long promptLayerRequestId, String text) implements HasPromptLayerRequestId {
}
