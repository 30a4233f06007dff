package dev.pltrack.examples.micronaut;

import dev.pltrack.HasPromptLayerRequestId;
import io.micronaut.serde.annotation.Serdeable;

/** What the LLM call returns: the answer and the id PromptLayer gave the logged request. */
@Serdeable
public record ChatAnswer(long promptLayerRequestId, String text) implements HasPromptLayerRequestId {
}
