package dev.pltrack.micronaut.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pltrack.client.FailureReason;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.testkit.FakePromptLayer;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Over HTTP, against a PromptLayer stand-in that refuses the key (401): pltrack's entry in
 * {@code /health} says so, but {@code /health/readiness} stays 200, since an observability side
 * channel must not take a working application out of rotation. {@link HealthReadinessCheckOnTest} turns
 * the documented switch on.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthReadinessTest implements TestPropertyProvider {

    static final String WRONG_KEY = "pl_health_wrong_key_7f3a";

    final FakePromptLayer fake = FakePromptLayer.start();   // its key is another one: every track gets 401

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DeliveryEngine engine;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("promptlayer.api-key", WRONG_KEY, "promptlayer.base-url", fake.baseUrl(),
                "endpoints.health.details-visible", "ANONYMOUS");
    }

    @AfterAll
    void stop() {
        fake.close();
    }

    @Test
    void aRefusedKeyShowsInHealthButLeavesTheApplicationReady() throws Exception {
        refuseOneTrack(engine);

        HttpResponse<String> readiness = http.toBlocking().exchange("/health/readiness", String.class);
        assertThat(readiness.code()).isEqualTo(200);
        HttpResponse<String> health = http.toBlocking().exchange("/health", String.class);
        assertThat(health.code()).isEqualTo(200);
        JsonNode promptlayer = new ObjectMapper().readTree(health.body()).path("details").path("promptlayer");
        assertThat(promptlayer.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(promptlayer.path("details").path("reason").asText()).contains("refused the API key");
        assertThat(health.body()).doesNotContain(WRONG_KEY);
    }

    static void refuseOneTrack(DeliveryEngine engine) throws InterruptedException {
        engine.track(4401L, Map.of("k", "v"));
        assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.stats().failed(FailureReason.UNAUTHORIZED) == 1);
    }
}
