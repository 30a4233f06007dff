package dev.pltrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test classes that use the extension in each supported way. They are run by {@link
 * ExtensionLifecycleTest} through the JUnit engine, not by Surefire (the name does not end in
 * Test), and report the servers they see.
 */
final class ExtensionScenarios {

    /** The servers the scenarios saw, in the order they saw them. */
    static final List<FakePromptLayer> seen = new CopyOnWriteArrayList<>();

    private ExtensionScenarios() {}

    static class StaticFieldScenario {

        @RegisterExtension
        static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

        @Test
        void tracks() {
            seen.add(promptLayer.server());
            new TrackClient(promptLayer.server()).track(1, Map.of("a", "b"));
            assertThat(promptLayer.server().acceptedCount()).isEqualTo(1);
        }

        @Test
        void tracksAgain() {
            seen.add(promptLayer.server());
            new TrackClient(promptLayer.server()).track(1, Map.of("a", "b"));
            assertThat(promptLayer.server().acceptedCount())
                    .as("reset before each test")
                    .isEqualTo(1);
        }

        @Nested
        class Inner {
            @Test
            void seesTheOuterServerReset() {
                seen.add(promptLayer.server());
                assertThat(promptLayer.server().received()).isEmpty();
            }
        }
    }

    static class InstanceFieldScenario {

        @RegisterExtension
        final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

        @Test
        void one() {
            seen.add(promptLayer.server());
            assertThat(new TrackClient(promptLayer.server()).track(1, Map.of()).statusCode())
                    .isEqualTo(200);
        }

        @Test
        void two() {
            seen.add(promptLayer.server());
            assertThat(promptLayer.server().received()).isEmpty();
        }
    }

    @ExtendWith(FakePromptLayerExtension.class)
    static class ExtendWithScenario {

        ExtendWithScenario(FakePromptLayer fake) {
            seen.add(fake);
        }

        @BeforeAll
        static void beforeAll(FakePromptLayer fake) {
            seen.add(fake);
        }

        @BeforeEach
        void beforeEach(FakePromptLayer fake) {
            seen.add(fake);
        }

        @Test
        void one(FakePromptLayer fake) {
            seen.add(fake);
            assertThat(new TrackClient(fake).track(1, Map.of()).statusCode()).isEqualTo(200);
        }

        @Test
        void two(FakePromptLayer fake) {
            seen.add(fake);
            assertThat(fake.received()).isEmpty();
        }
    }

    @ExtendWith(FakePromptLayerExtension.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassScenario {

        PerClassScenario(FakePromptLayer fake) {
            seen.add(fake);
        }

        @Test
        void one(FakePromptLayer fake) {
            seen.add(fake);
        }

        @Test
        void two(FakePromptLayer fake) {
            seen.add(fake);
        }
    }

    static class CustomKeyScenario {

        @RegisterExtension
        static final FakePromptLayerExtension promptLayer =
                new FakePromptLayerExtension("pl_custom_key_1234");

        @Test
        void acceptsOnlyItsKey() {
            seen.add(promptLayer.server());
            assertThat(promptLayer.server().apiKey()).isEqualTo("pl_custom_key_1234");
            assertThat(new TrackClient(promptLayer.server()).track(1, Map.of()).statusCode())
                    .isEqualTo(200);
            assertThat(
                            new TrackClient(promptLayer.baseUrl(), FakePromptLayer.DEFAULT_API_KEY)
                                    .track(1, Map.of())
                                    .statusCode())
                    .isEqualTo(401);
        }
    }
}
