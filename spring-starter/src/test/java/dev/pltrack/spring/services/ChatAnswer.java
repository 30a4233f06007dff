package dev.pltrack.spring.services;

import dev.pltrack.HasPromptLayerRequestId;

/** What an LLM call returns in these tests: a text and the PromptLayer request id it was logged under. */
public record ChatAnswer(long promptLayerRequestId, String text) implements HasPromptLayerRequestId {
}
