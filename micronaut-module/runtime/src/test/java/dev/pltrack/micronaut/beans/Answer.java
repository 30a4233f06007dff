package dev.pltrack.micronaut.beans;

import dev.pltrack.HasPromptLayerRequestId;

/** What an LLM call logged by PromptLayer returns: the text and the request id. */
public record Answer(long promptLayerRequestId, String text) implements HasPromptLayerRequestId {
}
