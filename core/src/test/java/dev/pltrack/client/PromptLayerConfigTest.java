package dev.pltrack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromptLayerConfigTest {

    private static final String KEY = "pl_config_test_secret_123";

    @Test
    void defaultsFollowTheSurface() {
        PromptLayerConfig config = PromptLayerConfig.builder().apiKey(KEY).build();

        assertThat(config.baseUrl()).hasToString("https://api.promptlayer.com");
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.retryPolicy()).isEqualTo(new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30)));
        assertThat(config.allowInsecureHttp()).isFalse();
        assertThat(config.httpLogging()).isEqualTo(HttpLogging.NONE);
    }

    @Test
    void readsKeyAndBaseUrlFromTheEnvironment() {
        Map<String, String> env = Map.of(
                "PROMPTLAYER_API_KEY", KEY,
                "PROMPTLAYER_BASE_URL", "https://pl.example.com/");

        PromptLayerConfig config = PromptLayerConfig.builder().environment(env::get).build();

        assertThat(config.apiKey()).isEqualTo(ApiKey.of(KEY));
        assertThat(config.baseUrl()).hasToString("https://pl.example.com");
    }

    @Test
    void explicitSettingsWinOverTheEnvironmentWhenGivenLater() {
        Map<String, String> env = Map.of("PROMPTLAYER_API_KEY", "pl_from_env", "PROMPTLAYER_BASE_URL", " ");

        PromptLayerConfig config = PromptLayerConfig.builder().environment(env::get).apiKey(KEY).build();

        assertThat(config.apiKey()).isEqualTo(ApiKey.of(KEY));
        assertThat(config.baseUrl()).hasToString(PromptLayerConfig.DEFAULT_BASE_URL);
    }

    @Test
    void aMissingKeySaysHowToSetIt() {
        MissingApiKeyException failure = catchThrowableOfType(MissingApiKeyException.class,
                () -> PromptLayerConfig.builder().environment(name -> null).build());

        assertThat(failure.property()).isEqualTo("promptlayer.api-key");
        assertThat(failure.getMessage()).contains("PROMPTLAYER_API_KEY").contains("promptlayer.api-key")
                .contains("promptlayer.enabled=false");
        assertThat(catchThrowableOfType(MissingApiKeyException.class,
                () -> PromptLayerConfig.builder().apiKey("   ").build())).isNotNull();
    }

    @Test
    void fromEnvironmentReadsTheRealEnvironmentWhichTheBuildKeepsKeyless() {
        // Surefire blanks PROMPTLAYER_API_KEY, so a developer's real key can never reach a test.
        MissingApiKeyException failure = catchThrowableOfType(MissingApiKeyException.class,
                PromptLayerClient::fromEnvironment);

        assertThat(failure).hasMessageContaining("PROMPTLAYER_API_KEY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:1", "http://127.8.9.10", "http://[::1]:9000"})
    void plainHttpIsAllowedToLoopback(String url) {
        assertThat(PromptLayerConfig.builder().apiKey(KEY).baseUrl(url).build().baseUrl()).hasToString(url);
    }

    @Test
    void plainHttpToAnyOtherHostIsRefusedUnlessAllowed() {
        PromptLayerConfigurationException failure = catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> PromptLayerConfig.builder().apiKey(KEY).baseUrl("http://pl.internal:8080").build());

        assertThat(failure.property()).isEqualTo("promptlayer.base-url");
        assertThat(failure.getMessage()).contains("plain http to pl.internal")
                .contains("promptlayer.allow-insecure-http=true");
        assertThat(PromptLayerConfig.builder().apiKey(KEY).baseUrl("http://pl.internal:8080")
                .allowInsecureHttp(true).build().baseUrl()).hasToString("http://pl.internal:8080");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.promptlayer.com", "ftp://x.example", "https://", "https://h/x?y=1", "https://u:p@h", "http://bad host"})
    void refusesBaseUrlsThatAreNotPlainHttpOrHttpsUrls(String url) {
        PromptLayerConfigurationException failure = catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> PromptLayerConfig.builder().apiKey(KEY).baseUrl(url).build());

        assertThat(failure.property()).isEqualTo("promptlayer.base-url");
        assertThat(failure.getMessage()).startsWith("promptlayer.base-url");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "pl_secret_0123456789",                         // the key pasted into the wrong property
        "https://pl_secret_0123456789@api.promptlayer.com",
        "https://api.promptlayer.com/?key=pl_secret_0123456789",
        "https://api.promptlayer.com/#pl_secret_0123456789",
        "https://ho st/pl_secret_0123456789 x"})
    void aRefusedBaseUrlNeverShowsWhatCouldBeASecret(String url) {
        PromptLayerConfigurationException failure = catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> PromptLayerConfig.builder().apiKey(KEY).baseUrl(url).build());

        assertThat(failure.getMessage()).startsWith("promptlayer.base-url").doesNotContain("pl_secret");
    }

    @Test
    void aRefusedBaseUrlStillShowsItsSchemeAndHost() {
        PromptLayerConfigurationException failure = catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> PromptLayerConfig.builder().apiKey(KEY).baseUrl("https://u:p@api.example.com/v1?x=1").build());

        assertThat(failure.getMessage()).isEqualTo(
                "promptlayer.base-url must not carry a query, fragment or user info (was https://api.example.com/v1...)");
    }

    @Test
    void timeoutsMustBePositive() {
        PromptLayerConfigurationException failure = catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> PromptLayerConfig.builder().apiKey(KEY).readTimeout(Duration.ZERO).build());

        assertThat(failure.property()).isEqualTo("promptlayer.read-timeout");
        assertThat(failure.getMessage()).isEqualTo("promptlayer.read-timeout must be a positive duration (was PT0S)");
        assertThat(catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> PromptLayerConfig.builder().apiKey(KEY).connectTimeout(Duration.ofSeconds(-1)).build())
                .property()).isEqualTo("promptlayer.connect-timeout");
    }

    @Test
    void retrySettingsAreCheckedAndNamed() {
        PromptLayerConfigurationException attempts = catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1)));
        assertThat(attempts.property()).isEqualTo("promptlayer.retry.max-attempts");
        assertThat(attempts.getMessage()).isEqualTo("promptlayer.retry.max-attempts must be at least 1 (was 0)");
        PromptLayerConfigurationException order = catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThat(order.property()).isEqualTo("promptlayer.retry.max-backoff");
        assertThat(order.getMessage())
                .startsWith("promptlayer.retry.max-backoff must not be shorter than promptlayer.retry.initial-backoff");
        PromptLayerConfigurationException unset = catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> new RetryPolicy(2, null, Duration.ofSeconds(1)));
        assertThat(unset.property()).isEqualTo("promptlayer.retry.initial-backoff");
        assertThat(unset.getMessage()).isEqualTo("promptlayer.retry.initial-backoff must be set");
    }

    @Test
    void aBlankBaseUrlMeansTheDefaultAsAnEmptyVariableDoes() {
        assertThat(PromptLayerConfig.builder().apiKey(KEY).baseUrl(" ").build().baseUrl())
                .hasToString(PromptLayerConfig.DEFAULT_BASE_URL);
        assertThat(PromptLayerConfig.builder().apiKey(KEY).baseUrl(null).build().baseUrl())
                .hasToString(PromptLayerConfig.DEFAULT_BASE_URL);
    }
}
