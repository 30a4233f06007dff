package dev.pltrack.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.metrics.PltrackMeterBinder;
import dev.pltrack.micronaut.beans.ChatService;
import dev.pltrack.micronaut.health.PltrackHealthIndicator;
import dev.pltrack.testkit.FakePromptLayer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * With micronaut-micrometer and micronaut-management on the classpath (as here), pltrack's meters are
 * bound to Micronaut's registry and its health indicator joins the health endpoint's.
 * {@code WithoutOptionalLibrariesTest} runs without them.
 */
class ObservabilityTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final FakePromptLayer FAKE = FakePromptLayer.start();

    @BeforeEach
    void reset() {
        FAKE.reset();
    }

    @AfterAll
    static void stop() {
        FAKE.close();
    }

    @Test
    void meterBinderIsBoundToMicronautsRegistry() throws Exception {
        try (ApplicationContext context = run(Map.of())) {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(context.getBeansOfType(PltrackMeterBinder.class)).hasSize(1);

            context.getBean(ChatService.class).rateLong(1301L, 5);
            context.getBean(ChatService.class).noRequestId("user-1");
            FAKE.awaitAccepted(1, WAIT);
            context.getBean(DeliveryEngine.class).flush(WAIT);

            assertThat(registry.get("pltrack.tracks.delivered").functionCounter().count()).isEqualTo(1.0);
            assertThat(registry.get("pltrack.calls").tag("outcome", "tracked").functionCounter().count()).isEqualTo(1.0);
            assertThat(registry.get("pltrack.calls").tag("outcome", "no_request_id").functionCounter().count())
                    .isEqualTo(1.0);
            assertThat(registry.get("pltrack.queue.capacity").gauge().value()).isEqualTo(10_000.0);
        }
    }

    @Test
    void metricsFollowMicronautsSwitch() {
        try (ApplicationContext context = run(Map.of("micronaut.metrics.enabled", "false"))) {
            assertThat(context.findBean(PltrackMeterBinder.class)).isEmpty();
        }
    }

    @Test
    void healthIsUpWithTheEnginesCountersAndDegradedOnceTheEngineIsClosed() throws Exception {
        try (ApplicationContext context = run(Map.of())) {
            assertThat(context.getBeansOfType(HealthIndicator.class))
                    .hasAtLeastOneElementOfType(PltrackHealthIndicator.class);
            PltrackHealthIndicator indicator = context.getBean(PltrackHealthIndicator.class);
            context.getBean(ChatService.class).rateLong(1302L, 5);
            FAKE.awaitAccepted(1, WAIT);
            context.getBean(DeliveryEngine.class).flush(WAIT);

            HealthResult up = Mono.from(indicator.getResult()).block();
            assertThat(up.getName()).isEqualTo("promptlayer");
            assertThat(up.getStatus()).isEqualTo(HealthStatus.UP);
            assertThat(details(up)).containsEntry("delivered", 1L).containsEntry("capacity", 10_000)
                    .doesNotContainKey("reason");

            context.getBean(DeliveryEngine.class).close();
            HealthResult down = Mono.from(indicator.getResult()).block();
            assertThat(down.getStatus()).as("a problem, but not one that makes the application unready")
                    .isEqualTo(PltrackHealthIndicator.DEGRADED);
            assertThat(details(down).get("reason").toString()).contains("closed");
        }
    }

    @Test
    void healthFollowsItsSwitch() {
        try (ApplicationContext context = run(Map.of("endpoints.health.promptlayer.enabled", "false"))) {
            assertThat(context.findBean(PltrackHealthIndicator.class)).isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> details(HealthResult result) {
        return (Map<String, Object>) result.getDetails();
    }

    private static ApplicationContext run(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("promptlayer.api-key", FAKE.apiKey());
        properties.put("promptlayer.base-url", FAKE.baseUrl());
        return ApplicationContext.run(properties);
    }
}
