package dev.pltrack.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Without a filter of the application's, Micronaut's {@code /env} masks every value, the key's included. */
@MicronautTest
@Property(name = "promptlayer.api-key", value = EnvEndpointDefaultTest.KEY)
@Property(name = "endpoints.env.enabled", value = "true")
@Property(name = "endpoints.env.sensitive", value = "false")
class EnvEndpointDefaultTest {

    static final String KEY = "pl_env_default_0c6d2e94b1a7f358";

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void everyValueIsMasked() throws Exception {
        String env = client.toBlocking().retrieve("/env");

        assertThat(env.contains(KEY)).as("the key appears in /env").isFalse();
        assertThat(EnvEndpointTest.values(env, "promptlayer.api-key")).containsExactly("*****");
    }
}
