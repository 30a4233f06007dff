package dev.pltrack.examples.micronaut;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.testkit.FakePromptLayer;
import io.micronaut.aop.Intercepted;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The example app, compiled exactly as micronaut-module/README.md tells users to set up the annotation
 * processor path: {@code @TrackMetadata} on its service works, seen from the HTTP endpoint to what the
 * fake PromptLayer received.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatEndpointTest implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FakePromptLayer fake = FakePromptLayer.start();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ChatService chat;

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
    void theServiceIsAdvisedByPltracksInterceptor() {
        assertThat(chat).isInstanceOf(Intercepted.class);
    }

    @Test
    void anAnswerIsTrackedWithTheUserSessionAndStaticEntries() {
        ChatAnswer answer = http.toBlocking().retrieve(
                HttpRequest.GET("/chat?user=user-42&question=Hello"), ChatAnswer.class);

        fake.awaitAccepted(1, WAIT);
        assertThat(fake).hasTracked(answer.promptLayerRequestId(), Map.of(
                "app", "pltrack-example-micronaut",
                "feature", "chat",
                "model", "demo-llm",
                "user_id", "user-42",
                "session_id", UUID.nameUUIDFromBytes("user-42".getBytes()).toString()));
    }

    @Test
    void aRatingIsTrackedUnderTheRequestIdFromThePath() {
        http.toBlocking().exchange(HttpRequest.POST("/chat/4242/rating?stars=4", ""));

        fake.awaitAccepted(1, WAIT);
        assertThat(fake).hasTracked(4242, Map.of("app", "pltrack-example-micronaut", "feature", "feedback",
                "rating", "4"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthAndMetricsEndpointsShowPltrack() throws Exception {
        http.toBlocking().exchange(HttpRequest.POST("/chat/4444/rating?stars=3", ""));
        fake.awaitAccepted(1, WAIT);
        engine.flush(WAIT);

        Map<String, Object> health = http.toBlocking().retrieve(HttpRequest.GET("/health"), Map.class);
        Map<String, Object> pltrack = (Map<String, Object>) ((Map<String, Object>) health.get("details")).get("promptlayer");
        assertThat(pltrack).containsEntry("status", "UP");
        assertThat((Map<String, Object>) pltrack.get("details")).containsKeys("pending", "capacity", "delivered");

        Map<String, Object> delivered = http.toBlocking().retrieve(
                HttpRequest.GET("/metrics/pltrack.tracks.delivered"), Map.class);
        assertThat(delivered.get("measurements").toString()).contains("COUNT").contains("value=");
        assertThat(((Number) ((Map<String, Object>) ((List<?>) delivered.get("measurements")).get(0)).get("value"))
                .doubleValue()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aFailingCallAnswers400AndIsTrackedWithTheError() {
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.POST("/chat/4343/summary?document=a.pdf", "")))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        failure -> assertThat(failure.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode()));

        fake.awaitAccepted(1, WAIT);
        assertThat(fake).hasTracked(4343, Map.of(
                "app", "pltrack-example-micronaut",
                "feature", "summarise",
                "document", "a.pdf",
                "error_type", "java.lang.IllegalArgumentException",
                "error_message", "cannot summarise a.pdf: only .txt documents"));
    }
}
