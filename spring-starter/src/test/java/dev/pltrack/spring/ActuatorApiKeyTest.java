package dev.pltrack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pltrack.spring.actuate.PltrackApiKeySanitizingFunction;
import dev.pltrack.testkit.FakePromptLayerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

/**
 * A real web application with Actuator and {@code show-values=always} on {@code configprops} and
 * {@code env}: over HTTP, the API key shows nowhere, in whichever source it was set, while the other
 * values do show. Runs on Boot 4 here and on Boot 3.5 in {@code spring-starter-boot3-tests}.
 */
class ActuatorApiKeyTest {

    private static final String MASK = "******";
    private static final String ARGUMENT_KEY = "pl_argument_3f9c1a7be2d04e58";
    private static final String ENVIRONMENT_KEY = "pl_environment_81d2c6e0fa7b4c93";
    private static final String SYSTEM_PROPERTY_KEY = "pl_sysprop_c07e5b19d4a84f26";

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    /** Boot's own system-environment property source, with PROMPTLAYER_API_KEY set as a variable would. */
    static final class EnvironmentWithKey extends StandardEnvironment {
        @Override
        public Map<String, Object> getSystemEnvironment() {
            Map<String, Object> variables = new HashMap<>(super.getSystemEnvironment());
            variables.put("PROMPTLAYER_API_KEY", ENVIRONMENT_KEY);
            return variables;
        }
    }

    /** As the build does for every test: empty PROMPTLAYER_* variables, which outrank application properties. */
    static final class EnvironmentWithoutKey extends StandardEnvironment {
        @Override
        public Map<String, Object> getSystemEnvironment() {
            Map<String, Object> variables = new HashMap<>(super.getSystemEnvironment());
            variables.remove("PROMPTLAYER_API_KEY");
            return variables;
        }
    }

    private static ConfigurableApplicationContext run(StandardEnvironment environment, String... arguments) {
        List<String> all = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--management.endpoints.web.exposure.include=configprops,env",
                "--management.endpoint.configprops.show-values=always",
                "--management.endpoint.env.show-values=always",
                "--promptlayer.base-url=" + promptLayer.server().baseUrl()));
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(App.class).environment(environment).run(all.toArray(String[]::new));
    }

    private static String get(ConfigurableApplicationContext context, String path) throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    /** The promptlayer bean of /actuator/configprops. */
    private static JsonNode promptLayerBean(String configprops) throws Exception {
        for (JsonNode context : JSON.readTree(configprops).path("contexts")) {
            for (JsonNode bean : context.path("beans")) {
                if ("promptlayer".equals(bean.path("prefix").asText())) {
                    return bean;
                }
            }
        }
        throw new AssertionError("no promptlayer bean in /actuator/configprops: " + configprops.length() + " chars");
    }

    /** The value /actuator/env shows for {@code name} in the property source {@code source}. */
    private static JsonNode envValue(String env, String source, String name) throws Exception {
        for (JsonNode propertySource : JSON.readTree(env).path("propertySources")) {
            if (propertySource.path("name").asText().equals(source)) {
                return propertySource.path("properties").path(name).path("value");
            }
        }
        throw new AssertionError("no property source " + source + " in /actuator/env");
    }

    /** Without printing the body (the machine's whole environment) when it fails. */
    private static void assertNoKey(String body, String key) {
        assertThat(body.contains(key)).as("the key appears in the endpoint's answer").isFalse();
    }

    private static void assertConfigpropsMaskTheKey(String configprops) throws Exception {
        JsonNode bean = promptLayerBean(configprops);
        // Boot 3.5's own Jackson 2 mapper has no Jdk8Module: OptionalValueSerializer lets it write the
        // record's Optional components, so pltrack's entry is there on both Boots.
        assertThat(bean.path("properties").has("error")).as(bean.toString()).isFalse();
        assertThat(bean.path("properties").path("apiKey").asText()).isEqualTo(MASK);
        assertThat(bean.path("inputs").path("apiKey").path("value").asText()).isEqualTo(MASK);
        // show-values is really on: the other values are shown.
        assertThat(bean.path("properties").path("baseUrl").asText()).isEqualTo(promptLayer.server().baseUrl());
    }

    @Test
    void aKeyFromAPropertyIsMaskedInConfigpropsAndEnv() throws Exception {
        try (ConfigurableApplicationContext context = run(new EnvironmentWithoutKey(),
                "--promptlayer.api-key=" + ARGUMENT_KEY,
                "--app.webhook=https://hooks.example/notify?pl=" + ARGUMENT_KEY + "&x=1")) {
            String configprops = get(context, "/actuator/configprops");
            String env = get(context, "/actuator/env");

            assertNoKey(configprops, ARGUMENT_KEY);
            assertNoKey(env, ARGUMENT_KEY);
            assertConfigpropsMaskTheKey(configprops);
            assertThat(envValue(env, "commandLineArgs", "promptlayer.api-key").asText()).isEqualTo(MASK);
            // The key inside another value is masked, the rest of that value shown.
            assertThat(envValue(env, "commandLineArgs", "app.webhook").asText())
                    .isEqualTo("https://hooks.example/notify?pl=" + MASK + "&x=1");
            assertThat(envValue(env, "commandLineArgs", "promptlayer.base-url").asText())
                    .isEqualTo(promptLayer.server().baseUrl());
        }
    }

    @Test
    void aKeyFromTheEnvironmentVariableIsMaskedInConfigpropsAndEnv() throws Exception {
        try (ConfigurableApplicationContext context = run(new EnvironmentWithKey())) {
            String configprops = get(context, "/actuator/configprops");
            String env = get(context, "/actuator/env");

            assertNoKey(configprops, ENVIRONMENT_KEY);
            assertNoKey(env, ENVIRONMENT_KEY);
            assertConfigpropsMaskTheKey(configprops);
            assertThat(envValue(env, "systemEnvironment", "PROMPTLAYER_API_KEY").asText()).isEqualTo(MASK);
        }
    }

    @Test
    void aKeyFromASystemPropertyIsMaskedInConfigpropsAndEnv() throws Exception {
        System.setProperty("promptlayer.apiKey", SYSTEM_PROPERTY_KEY);
        try (ConfigurableApplicationContext context = run(new EnvironmentWithoutKey())) {
            String configprops = get(context, "/actuator/configprops");
            String env = get(context, "/actuator/env");

            assertNoKey(configprops, SYSTEM_PROPERTY_KEY);
            assertNoKey(env, SYSTEM_PROPERTY_KEY);
            assertConfigpropsMaskTheKey(configprops);
            assertThat(envValue(env, "systemProperties", "promptlayer.apiKey").asText()).isEqualTo(MASK);
        } finally {
            System.clearProperty("promptlayer.apiKey");
        }
    }

    @Test
    void theKeyIsMaskedWithTrackingDisabledToo() throws Exception {
        try (ConfigurableApplicationContext context = run(new EnvironmentWithKey(), "--promptlayer.enabled=false")) {
            String env = get(context, "/actuator/env");

            assertNoKey(env, ENVIRONMENT_KEY);
            assertThat(envValue(env, "systemEnvironment", "PROMPTLAYER_API_KEY").asText()).isEqualTo(MASK);
            assertThat(envValue(env, "commandLineArgs", "promptlayer.enabled").asText()).isEqualTo("false");
        }
    }

    @Test
    void everyRelaxedFormOfTheNameIsRecognised() {
        assertThat(List.of("promptlayer.api-key", "promptlayer.apiKey", "promptlayer.api_key", "promptlayer.apikey",
                "PROMPTLAYER_API_KEY", "PROMPTLAYER_APIKEY", "PromptLayer.API-KEY", "promptlayer[api-key]"))
                .allMatch(PltrackApiKeySanitizingFunction::isApiKeyName);
        assertThat(List.of("promptlayer.base-url", "other.api-key", "promptlayer.api-key.old", "promptlayer.api-key2",
                "promptlayer.api key", "PROMPTLAYER_BASE_URL", ""))
                .noneMatch(PltrackApiKeySanitizingFunction::isApiKeyName);
    }
}
