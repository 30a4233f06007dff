package dev.pltrack.examples.plain;

import dev.pltrack.HasPromptLayerRequestId;

/** What an LLM call returns in the example: the text and PromptLayer's id for the logged request. */
public record ChatAnswer(String text, long promptLayerRequestId) implements HasPromptLayerRequestId {
}
