package dev.pltrack.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.micronaut.beans.ChatService;
import dev.pltrack.testkit.FakePromptLayer;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stopping the application closes the engine, which delivers what is still pending first. */
class ShutdownTest {

    @Test
    void closingTheContextDeliversTracksSubmittedJustBefore() {
        try (FakePromptLayer fake = FakePromptLayer.start()) {
            // One sender and a slow server: the five tracks need about a second to go out.
            fake.respondSlowly(Duration.ofMillis(200));
            ApplicationContext context = ApplicationContext.run(Map.of(
                    "promptlayer.api-key", fake.apiKey(),
                    "promptlayer.base-url", fake.baseUrl(),
                    "promptlayer.delivery.max-in-flight", "1",
                    "promptlayer.delivery.shutdown-timeout", "20s"));
            DeliveryEngine engine = context.getBean(DeliveryEngine.class);
            ChatService chat = context.getBean(ChatService.class);
            for (int i = 1; i <= 5; i++) {
                chat.rateLong(1200L + i, i);
            }
            assertThat(fake.acceptedCount()).isLessThan(5);

            context.close();

            assertThat(engine.isClosed()).isTrue();
            assertThat(fake.acceptedCount()).isEqualTo(5);
            assertThat(fake.trackedRequestIds()).containsExactlyInAnyOrder(1201L, 1202L, 1203L, 1204L, 1205L);
        }
    }
}
