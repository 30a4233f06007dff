package dev.pltrack.micronaut.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.testkit.FakePromptLayer;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With {@code endpoints.health.promptlayer.readiness-check=true}, the same refusal makes readiness 503. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthReadinessCheckOnTest implements TestPropertyProvider {

    final FakePromptLayer fake = FakePromptLayer.start();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DeliveryEngine engine;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("promptlayer.api-key", HealthReadinessTest.WRONG_KEY, "promptlayer.base-url", fake.baseUrl(),
                PltrackHealthIndicator.READINESS_CHECK, "true");
    }

    @AfterAll
    void stop() {
        fake.close();
    }

    @Test
    void aRefusedKeyMakesTheApplicationUnready() throws Exception {
        HealthReadinessTest.refuseOneTrack(engine);

        HttpClientResponseException unready = catchThrowableOfType(
                HttpClientResponseException.class,
                () -> http.toBlocking().exchange("/health/readiness", String.class));
        assertThat(unready).isNotNull();
        assertThat(unready.getStatus().getCode()).isEqualTo(503);
    }
}

