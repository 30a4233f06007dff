package dev.pltrack.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pltrack.client.HttpLogging;
import dev.pltrack.client.MissingApiKeyException;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.PromptLayerConfigurationException;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.delivery.OverflowPolicy;
import dev.pltrack.llm.LlmLoggingConfig;
import dev.pltrack.tracking.TrackingConfig;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The default strings the frameworks' declarations share are the core builders' own defaults, and
 * {@link CoreConfigs} hands every setting to its builder (a settings view spelled from those strings
 * gives exactly the builders' defaults; a changed value arrives).
 */
class PltrackDefaultsTest {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    /** The frameworks parse "2s", "500ms" and "10m" alike; this is all of their syntax the defaults use. */
    private static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text);
        assertThat(matcher.matches()).as(text).isTrue();
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String kebab) {
        return Enum.valueOf(type, kebab.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private record TestRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff)
            implements PltrackSettings.Retry {
    }

    private record TestDelivery(int queueCapacity, Optional<Integer> workers, int maxInFlight, int minInFlight,
            OverflowPolicy overflowPolicy, Duration blockTimeout, Duration shutdownTimeout, Duration linger,
            boolean closeOnExit, Duration maxAge) implements PltrackSettings.Delivery {
    }

    private record TestLogging(boolean enabled, boolean includePrompt, boolean includeCompletion, Optional<List<String>> tags,
            int maxContentLength) implements PltrackSettings.Logging {

        static TestLogging defaults() {
            return new TestLogging(Boolean.parseBoolean(PltrackDefaults.LOGGING_ENABLED),
                    Boolean.parseBoolean(PltrackDefaults.LOGGING_INCLUDE_PROMPT),
                    Boolean.parseBoolean(PltrackDefaults.LOGGING_INCLUDE_COMPLETION), Optional.empty(),
                    Integer.parseInt(PltrackDefaults.LOGGING_MAX_CONTENT_LENGTH));
        }
    }

    private record Settings(boolean enabled, boolean strict, Optional<String> apiKey, Optional<String> baseUrl,
            Duration connectTimeout, Duration readTimeout, boolean allowInsecureHttp, HttpLogging httpLogging,
            Map<String, String> metadata, TestRetry retry, TestDelivery delivery, TestLogging logging)
            implements PltrackSettings {

        static Settings defaults(String apiKey) {
            return new Settings(Boolean.parseBoolean(PltrackDefaults.ENABLED),
                    Boolean.parseBoolean(PltrackDefaults.STRICT), Optional.ofNullable(apiKey),
                    Optional.of(PltrackDefaults.BASE_URL), duration(PltrackDefaults.CONNECT_TIMEOUT),
                    duration(PltrackDefaults.READ_TIMEOUT), Boolean.parseBoolean(PltrackDefaults.ALLOW_INSECURE_HTTP),
                    constant(HttpLogging.class, PltrackDefaults.HTTP_LOGGING), Map.of(),
                    new TestRetry(Integer.parseInt(PltrackDefaults.RETRY_MAX_ATTEMPTS),
                            duration(PltrackDefaults.RETRY_INITIAL_BACKOFF), duration(PltrackDefaults.RETRY_MAX_BACKOFF)),
                    new TestDelivery(Integer.parseInt(PltrackDefaults.DELIVERY_QUEUE_CAPACITY),
                            Optional.empty(),
                            Integer.parseInt(PltrackDefaults.DELIVERY_MAX_IN_FLIGHT),
                            Integer.parseInt(PltrackDefaults.DELIVERY_MIN_IN_FLIGHT),
                            constant(OverflowPolicy.class, PltrackDefaults.DELIVERY_OVERFLOW_POLICY),
                            duration(PltrackDefaults.DELIVERY_BLOCK_TIMEOUT),
                            duration(PltrackDefaults.DELIVERY_SHUTDOWN_TIMEOUT),
                            duration(PltrackDefaults.DELIVERY_LINGER),
                            Boolean.parseBoolean(PltrackDefaults.DELIVERY_CLOSE_ON_EXIT),
                            duration(PltrackDefaults.DELIVERY_MAX_AGE)),
                    TestLogging.defaults());
        }
    }

    @Test
    void theSharedDefaultsAreTheBuildersDefaults() {
        Settings defaults = Settings.defaults("pl_defaults_test_key");
        assertThat(CoreConfigs.client(defaults))
                .hasToString(PromptLayerConfig.builder().apiKey("pl_defaults_test_key").build().toString());
        assertThat(CoreConfigs.delivery(defaults)).hasToString(DeliveryConfig.defaults().toString());
        assertThat(CoreConfigs.tracking(defaults)).hasToString(TrackingConfig.defaults().toString());
        assertThat(CoreConfigs.logging(defaults)).hasToString(LlmLoggingConfig.defaults().toString());
    }

    @Test
    void everySettingReachesItsBuilder() {
        Settings defaults = Settings.defaults("pl_defaults_test_key");
        Settings changed = new Settings(false, true, defaults.apiKey(), Optional.of("http://127.0.0.1:9"),
                Duration.ofSeconds(3), Duration.ofSeconds(4), true, HttpLogging.FULL, Map.of("env", "test"),
                new TestRetry(2, Duration.ofMillis(10), Duration.ofMillis(20)),
                new TestDelivery(7, Optional.empty(), 32, 4, OverflowPolicy.BLOCK, Duration.ofMillis(5),
                        Duration.ofMillis(6), Duration.ZERO, false, Duration.ofSeconds(42)),
                new TestLogging(false, false, false, Optional.of(List.of("prod", "checkout")), 500));

        PromptLayerConfig client = CoreConfigs.client(changed);
        assertThat(client.baseUrl()).hasToString("http://127.0.0.1:9");
        assertThat(client.toString()).contains("connectTimeout=PT3S", "readTimeout=PT4S", "allowInsecureHttp=true",
                "httpLogging=FULL", "maxAttempts=2");
        assertThat(CoreConfigs.delivery(changed)).hasToString(DeliveryConfig.builder().queueCapacity(7).maxInFlight(32)
                .minInFlight(4).overflowPolicy(OverflowPolicy.BLOCK).blockTimeout(Duration.ofMillis(5))
                .shutdownTimeout(Duration.ofMillis(6)).linger(Duration.ZERO).closeOnExit(false).maxAge(Duration.ofSeconds(42))
                .build().toString());
        TrackingConfig tracking = CoreConfigs.tracking(changed);
        assertThat(tracking.enabled()).isFalse();
        assertThat(tracking.strict()).isTrue();
        assertThat(tracking.defaultMetadata()).containsExactly(Map.entry("env", "test"));
        assertThat(CoreConfigs.logging(changed)).hasToString(LlmLoggingConfig.builder().enabled(false)
                .includePrompt(false).includeCompletion(false).tags(List.of("prod", "checkout")).maxContentLength(500)
                .build().toString());
    }

    @Test
    void theBuildersRulesApplyAndNameTheProperty() {
        assertThatThrownBy(() -> CoreConfigs.client(Settings.defaults(null))).isInstanceOf(MissingApiKeyException.class);
        Settings defaults = Settings.defaults("pl_defaults_test_key");
        Settings retiredWorkers = new Settings(true, false, defaults.apiKey(), Optional.empty(), defaults.connectTimeout(),
                defaults.readTimeout(), false, HttpLogging.NONE, Map.of(), defaults.retry(),
                new TestDelivery(10, Optional.of(2), 64, 1, OverflowPolicy.DROP_NEWEST, Duration.ZERO, Duration.ZERO,
                        Duration.ZERO, true, Duration.ofMinutes(1)), TestLogging.defaults());
        assertThatThrownBy(() -> CoreConfigs.delivery(retiredWorkers))
                .isInstanceOfSatisfying(PromptLayerConfigurationException.class,
                        refused -> assertThat(refused.property()).isEqualTo(DeliveryConfig.WORKERS_PROPERTY));
        Settings tinyContent = new Settings(true, false, defaults.apiKey(), Optional.empty(), defaults.connectTimeout(),
                defaults.readTimeout(), false, HttpLogging.NONE, Map.of(), defaults.retry(), defaults.delivery(),
                new TestLogging(true, true, true, Optional.empty(), 10));
        assertThatThrownBy(() -> CoreConfigs.logging(tinyContent))
                .isInstanceOfSatisfying(PromptLayerConfigurationException.class,
                        refused -> assertThat(refused.property())
                                .isEqualTo(LlmLoggingConfig.MAX_CONTENT_LENGTH_PROPERTY))
                .hasMessageContaining("at least 64");
    }
}
