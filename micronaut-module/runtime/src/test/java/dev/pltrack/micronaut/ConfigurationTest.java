package dev.pltrack.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pltrack.client.HttpLogging;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.delivery.OverflowPolicy;
import dev.pltrack.llm.LlmCallLogger;
import dev.pltrack.llm.LlmLoggingConfig;
import dev.pltrack.tracking.TrackingConfig;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code promptlayer.*} properties as Micronaut binds them: the core's defaults, every override,
 * metadata keys, and start-up failures that name the property to fix.
 */
class ConfigurationTest {

    private static final String KEY = "pl_config_test_key_0001";

    @Test
    void withOnlyAKeyEverySettingIsTheCoresDefault() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("promptlayer.api-key", KEY))) {
            PromptLayerConfig client = context.getBean(PromptLayerConfig.class);
            assertThat(client.toString())
                    .isEqualTo(PromptLayerConfig.builder().apiKey(KEY).build().toString());
            assertThat(client.baseUrl()).isEqualTo(URI.create(PromptLayerConfig.DEFAULT_BASE_URL));
            assertThat(client.retryPolicy()).isEqualTo(RetryPolicy.defaults());
            assertThat(context.getBean(DeliveryConfig.class).toString())
                    .isEqualTo(DeliveryConfig.defaults().toString());
            TrackingConfig tracking = context.getBean(TrackingConfig.class);
            assertThat(tracking.enabled()).isTrue();
            assertThat(tracking.strict()).isFalse();
            assertThat(tracking.defaultMetadata()).isEmpty();
            assertThat(context.getBean(LlmCallLogger.class).config()).hasToString(LlmLoggingConfig.defaults().toString());
        }
    }

    @Test
    void everySettingCanBeOverridden() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("promptlayer.api-key", KEY);
        properties.put("promptlayer.base-url", "http://127.0.0.1:9999/pl");
        properties.put("promptlayer.connect-timeout", "3s");
        properties.put("promptlayer.read-timeout", "1500ms");
        properties.put("promptlayer.allow-insecure-http", "true");
        properties.put("promptlayer.http-logging", "full");
        properties.put("promptlayer.strict", "true");
        properties.put("promptlayer.retry.max-attempts", "7");
        properties.put("promptlayer.retry.initial-backoff", "100ms");
        properties.put("promptlayer.retry.max-backoff", "2s");
        properties.put("promptlayer.delivery.queue-capacity", "50");
        properties.put("promptlayer.delivery.max-in-flight", "3");
        properties.put("promptlayer.delivery.overflow-policy", "block");
        properties.put("promptlayer.delivery.block-timeout", "250ms");
        properties.put("promptlayer.delivery.shutdown-timeout", "4s");
        properties.put("promptlayer.delivery.linger", "0ms");
        properties.put("promptlayer.delivery.max-age", "30m");
        properties.put("promptlayer.metadata.environment", "prod");
        properties.put("promptlayer.metadata.team_name", "search");
        properties.put("promptlayer.logging.include-completion", "false");
        properties.put("promptlayer.logging.tags", "support,eu");
        properties.put("promptlayer.logging.max-content-length", "500");

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            PromptLayerConfig client = context.getBean(PromptLayerConfig.class);
            assertThat(client.baseUrl().toString()).startsWith("http://127.0.0.1:9999/pl");
            assertThat(client.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(client.readTimeout()).isEqualTo(Duration.ofMillis(1500));
            assertThat(client.allowInsecureHttp()).isTrue();
            assertThat(client.httpLogging()).isEqualTo(HttpLogging.FULL);
            assertThat(client.retryPolicy()).isEqualTo(new RetryPolicy(7, Duration.ofMillis(100), Duration.ofSeconds(2)));

            DeliveryConfig delivery = context.getBean(DeliveryConfig.class);
            assertThat(delivery.queueCapacity()).isEqualTo(50);
            assertThat(delivery.maxInFlight()).isEqualTo(3);
            assertThat(delivery.overflowPolicy()).isEqualTo(OverflowPolicy.BLOCK);
            assertThat(delivery.blockTimeout()).isEqualTo(Duration.ofMillis(250));
            assertThat(delivery.shutdownTimeout()).isEqualTo(Duration.ofSeconds(4));
            assertThat(delivery.linger()).isEqualTo(Duration.ZERO);
            assertThat(delivery.maxAge()).isEqualTo(Duration.ofMinutes(30));

            TrackingConfig tracking = context.getBean(TrackingConfig.class);
            assertThat(tracking.strict()).isTrue();
            assertThat(tracking.defaultMetadata()).isEqualTo(Map.of("environment", "prod", "team_name", "search"));

            LlmLoggingConfig logging = context.getBean(LlmCallLogger.class).config();
            assertThat(logging.includePrompt()).isTrue();
            assertThat(logging.includeCompletion()).isFalse();
            assertThat(logging.tags()).containsExactly("support", "eu");
            assertThat(logging.maxContentLength()).isEqualTo(500);
        }
    }

    @Test
    void aMissingKeyFailsStartUpSayingWhatToSet() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of()).close())
                .hasMessageContaining("No PromptLayer API key is configured")
                .hasMessageContaining("PROMPTLAYER_API_KEY")
                .hasMessageContaining("promptlayer.api-key")
                .hasMessageContaining("promptlayer.enabled=false");
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("promptlayer.api-key", "  ")).close())
                .hasMessageContaining("PROMPTLAYER_API_KEY");
    }

    @Test
    void aWrongSettingFailsStartUpNamingTheProperty() {
        assertStartUpFails(Map.of("promptlayer.delivery.max-in-flight", "0"),
                "promptlayer.delivery.max-in-flight must be between 1 and 1024 (was 0)");
        assertStartUpFails(Map.of("promptlayer.delivery.max-age", "2d"),
                "promptlayer.delivery.max-age must be between 1 ms and PT24H (was PT48H)");
        assertStartUpFails(Map.of("promptlayer.delivery.workers", "4"),
                "promptlayer.delivery.workers is retired (was 4)");
        assertStartUpFails(Map.of("promptlayer.delivery.queue-capacity", "-5"),
                "promptlayer.delivery.queue-capacity must be at least 1");
        assertStartUpFails(Map.of("promptlayer.read-timeout", "0s"),
                "promptlayer.read-timeout must be a positive duration");
        assertStartUpFails(Map.of("promptlayer.retry.max-attempts", "0"),
                "promptlayer.retry.max-attempts must be at least 1");
        assertStartUpFails(Map.of("promptlayer.base-url", "http://promptlayer.example.com"),
                "promptlayer.base-url");
        assertStartUpFails(Map.of("promptlayer.logging.max-content-length", "10"),
                "promptlayer.logging.max-content-length must be at least 64 characters (was 10)");
    }

    @Test
    void aValueOfTheWrongTypeFailsStartUpNamingTheProperty() {
        assertStartUpFails(Map.of("promptlayer.delivery.max-in-flight", "several"), "promptlayer.delivery.max-in-flight");
        assertStartUpFails(Map.of("promptlayer.delivery.overflow-policy", "sometimes"), "promptlayer.delivery.overflow-policy");
        // The top-level group and each nested one are checked, each under its own prefix.
        assertStartUpFails(Map.of("promptlayer.http-logging", "LOUD"), "promptlayer.http-logging cannot be read as HttpLogging");
        assertStartUpFails(Map.of("promptlayer.retry.max-attempts", "many"), "promptlayer.retry.max-attempts cannot be read as int");
        assertStartUpFails(Map.of("promptlayer.logging.max-content-length", "long"),
                "promptlayer.logging.max-content-length cannot be read as int");
    }

    private static void assertStartUpFails(Map<String, Object> wrong, String expected) {
        Map<String, Object> properties = new HashMap<>(wrong);
        properties.put("promptlayer.api-key", KEY);
        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasMessageContaining(expected)
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain(KEY));
    }
}
