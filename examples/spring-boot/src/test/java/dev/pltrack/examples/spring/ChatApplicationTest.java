package dev.pltrack.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.testkit.FakePromptLayer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The app on a random port against the fake PromptLayer: the demo's calls and what the fake received. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatApplicationTest {

    static final FakePromptLayer promptLayer = FakePromptLayer.start();

    @DynamicPropertySource
    static void promptLayer(DynamicPropertyRegistry registry) {
        registry.add("promptlayer.api-key", promptLayer::apiKey);
        registry.add("promptlayer.base-url", promptLayer::baseUrl);
    }

    @AfterAll
    static void stop() {
        promptLayer.close();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void actuatorShowsThePromptlayerHealthIndicatorAndTheMeters() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/promptlayer")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"capacity\":10000").doesNotContain(promptLayer.apiKey());
        HttpResponse<String> meter = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/metrics/pltrack.queue.capacity")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(meter.body()).contains("\"value\":10000.0");
    }

    @Test
    void theDemoCallsAreTrackedWithTheirMetadata() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new ScriptedCalls(new PrintStream(printed, true, StandardCharsets.UTF_8), "http://127.0.0.1:" + port).run();

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("POST /chat (X-Tenant: acme) -> 200 {\"promptLayerRequestId\":1001,")
                .contains("POST /chat/1002/rating -> 400 {\"error\":\"a rating is 1 to 5 stars, not 9\"}");
        promptLayer.awaitAccepted(4, Duration.ofSeconds(10));
        assertThat(promptLayer.metadataFor(1001)).isEqualTo(Map.of(
                "app", "chat-example", "tenant", "acme", "feature", "rating", "model", "demo-llm",
                "user_id", "user-42", "session_id", "6f1c2a34-93b5-4f7e-a8c1-0d2e3f405162", "rating", "5"));
        assertThat(promptLayer.metadataFor(1002)).isEqualTo(Map.of(
                "app", "chat-example", "feature", "rating", "model", "demo-llm", "user_id", "user-7",
                "error_type", "java.lang.IllegalArgumentException",
                "error_message", "a rating is 1 to 5 stars, not 9", "rating", "9"));
    }
}
