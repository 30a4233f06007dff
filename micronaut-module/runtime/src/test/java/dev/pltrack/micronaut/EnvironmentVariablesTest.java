package dev.pltrack.micronaut;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.client.ApiKey;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.micronaut.beans.ChatService;
import dev.pltrack.testkit.FakePromptLayer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Micronaut turns environment variables into properties: {@code PROMPTLAYER_API_KEY} is
 * {@code promptlayer.api-key}, {@code PROMPTLAYER_BASE_URL} is {@code promptlayer.base-url}, and so on. Runs in
 * its own surefire execution, whose JVM has these variables set (see this module's pom.xml).
 */
@EnabledIfEnvironmentVariable(named = "PROMPTLAYER_API_KEY", matches = EnvironmentVariablesTest.KEY)
class EnvironmentVariablesTest {

    static final String KEY = "pl_env_test_key_0001";
    static final String BASE_URL = "http://127.0.0.1:9/from-env";

    @Test
    void theVariablesBecomeThePromptLayerProperties() {
        try (ApplicationContext context = ApplicationContext.run()) {
            PromptLayerConfig config = context.getBean(PromptLayerConfig.class);
            assertThat(config.apiKey()).isEqualTo(ApiKey.of(KEY));
            assertThat(config.baseUrl()).isEqualTo(URI.create(BASE_URL));
            assertThat(context.getBean(DeliveryConfig.class).maxInFlight()).isEqualTo(3);   // PROMPTLAYER_DELIVERY_MAX_IN_FLIGHT
        }
    }

    @Test
    void theKeyFromTheEnvironmentIsMaskedInTheEnvEndpoint() throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", "-1", "endpoints.env.enabled", "true", "endpoints.env.sensitive", "false",
                "test.env-filter", "show-values"))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.getURI().resolve("/env")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body().contains(KEY)).as("the key appears in /env").isFalse();
            assertThat(EnvEndpointTest.values(response.body(), "PROMPTLAYER_API_KEY")).containsExactly("*****");
            assertThat(EnvEndpointTest.values(response.body(), "PROMPTLAYER_BASE_URL")).containsExactly(BASE_URL);
        }
    }

    @Test
    void tracksWithTheKeyFromTheEnvironment() {
        // The fake answers 401 to any other key; the base URL property outranks the variable.
        try (FakePromptLayer fake = FakePromptLayer.builder().apiKey(KEY).start();
                ApplicationContext context = ApplicationContext.run(Map.of("promptlayer.base-url", fake.baseUrl()))) {
            context.getBean(ChatService.class).rateLong(1501L, 5);

            fake.awaitAccepted(1, Duration.ofSeconds(10));
            assertThat(fake).hasTracked(1501, Map.of("rating", "5"));
        }
    }
}
