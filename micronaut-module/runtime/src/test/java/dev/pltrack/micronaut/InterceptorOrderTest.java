package dev.pltrack.micronaut;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pltrack.TrackingContext;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.micronaut.beans.OrderedService;
import dev.pltrack.testkit.FakePromptLayer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * pltrack's interceptor runs outside Micronaut's {@code @Async} and {@code @Retryable} phases, as in
 * Spring and Quarkus: the caller's context reaches the track, and a retried method is tracked once.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InterceptorOrderTest implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FakePromptLayer fake = FakePromptLayer.start();

    @Inject
    OrderedService service;

    @Inject
    DeliveryEngine engine;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("promptlayer.api-key", fake.apiKey(), "promptlayer.base-url", fake.baseUrl());
    }

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @AfterAll
    void stop() {
        fake.close();
    }

    @Test
    void anAsyncMethodIsTrackedWithTheCallersContext() throws InterruptedException {
        try (TrackingContext.Scope scope = TrackingContext.current().with("tenant", "acme").withRequestId(4101L).open()) {
            service.inBackground();
        }
        assertThat(service.asyncRan.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(service.asyncThread).isNotEqualTo(Thread.currentThread().getName());

        fake.awaitAccepted(1, WAIT);
        assertThat(fake).hasTracked(4101L, Map.of("tenant", "acme", "feature", "async"));
    }

    @Test
    void aMethodRetriedThreeTimesIsTrackedOnceWithTheFinalOutcome() throws InterruptedException {
        // @Retryable(attempts = "3"): the first call and three retries, the last of which succeeds.
        assertThat(service.flaky(4102L, 4)).isEqualTo(4102L);
        assertThat(service.attempts(4102L)).isEqualTo(4);

        assertThatThrownBy(() -> service.flaky(4103L, 99)).hasMessage("attempt failed");
        assertThat(service.attempts(4103L)).isEqualTo(4);

        engine.flush(WAIT);
        assertThat(fake.received()).hasSize(2);
        assertThat(fake.metadataFor(4102L)).isEqualTo(Map.of("feature", "retry"));
        assertThat(fake.metadataFor(4103L)).containsEntry("feature", "retry")
                .containsEntry("error_type", IllegalStateException.class.getName())
                .containsEntry("error_message", "attempt failed");
    }
}
