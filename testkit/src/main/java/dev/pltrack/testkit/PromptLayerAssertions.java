package dev.pltrack.testkit;

/**
 * AssertJ entry point for the fake: {@code assertThat(promptLayer).hasTracked(42, Map.of(...))}.
 * Its failure messages list what the fake received, which a plain {@code assertEquals} on a map
 * cannot.
 */
public final class PromptLayerAssertions {

    private PromptLayerAssertions() {}

    public static FakePromptLayerAssert assertThat(FakePromptLayer fake) {
        return new FakePromptLayerAssert(fake);
    }
}
