package dev.pltrack.quarkus.deployment;

import dev.pltrack.HasPromptLayerRequestId;

/** What an LLM call logged by PromptLayer returns, in these tests. */
public record Answer(long promptLayerRequestId, String text) implements HasPromptLayerRequestId {
}
