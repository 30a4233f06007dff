package dev.pltrack.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pltrack.micronaut.management.PltrackEnvironmentMasking;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * micronaut-management's {@code /env} over HTTP, with an application filter that shows the values
 * ({@link dev.pltrack.micronaut.beans.ShowValuesEnvironmentFilter}): the API key shows nowhere, the other
 * values do. {@code EnvironmentVariablesTest} does the same with the key in {@code PROMPTLAYER_API_KEY}.
 */
@MicronautTest
@Property(name = "promptlayer.api-key", value = EnvEndpointTest.KEY)
@Property(name = "promptlayer.base-url", value = EnvEndpointTest.BASE_URL)
@Property(name = "endpoints.env.enabled", value = "true")
@Property(name = "endpoints.env.sensitive", value = "false")
@Property(name = "test.env-filter", value = "show-values")
class EnvEndpointTest {

    static final String KEY = "pl_env_endpoint_5be1c0d79a2e4f63";
    static final String BASE_URL = "http://127.0.0.1:9/env-endpoint";

    @Inject
    @Client("/")
    HttpClient client;

    /** Every value {@code /env} shows for {@code name}, in whichever property sources have it. */
    static List<String> values(String env, String name) throws Exception {
        List<String> values = new java.util.ArrayList<>();
        for (JsonNode source : new ObjectMapper().readTree(env).path("propertySources")) {
            JsonNode value = source.path("properties").path(name);
            if (!value.isMissingNode()) {
                values.add(value.asText());
            }
        }
        return values;
    }

    @Test
    void theKeyIsMaskedAndTheOtherValuesShown() throws Exception {
        String env = client.toBlocking().retrieve("/env");

        assertThat(env.contains(KEY)).as("the key appears in /env").isFalse();
        assertThat(values(env, "promptlayer.api-key")).containsExactly("*****");
        assertThat(values(env, "promptlayer.base-url")).containsExactly(BASE_URL);
    }

    @Test
    void everyFormOfTheNameIsRecognised() {
        assertThat(List.of("promptlayer.api-key", "promptlayer.api.key", "promptlayer.apiKey", "promptlayer.api_key",
                "promptlayer-api-key", "PROMPTLAYER_API_KEY"))
                .allMatch(PltrackEnvironmentMasking::isApiKeyName);
        assertThat(List.of("promptlayer.base-url", "other.api-key", "promptlayer.api-key.old", "promptlayer.api.key2", ""))
                .noneMatch(PltrackEnvironmentMasking::isApiKeyName);
    }
}
