package dev.pltrack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    @ParameterizedTest
    @ValueSource(strings = {"\u00a0", "\u200b", "\u200c\u200d", "\u2060", "\ufeff", " \u00a0\u200b\t\u2007\u202f "})
    void aKeyOfOnlyInvisibleSpacesIsMissing(String invisible) {
        MissingApiKeyException given = catchThrowableOfType(MissingApiKeyException.class,
                () -> PromptLayerConfig.builder().apiKey(invisible).build());
        MissingApiKeyException fromEnvironment = catchThrowableOfType(MissingApiKeyException.class,
                () -> PromptLayerConfig.builder().environment(Map.of("PROMPTLAYER_API_KEY", invisible)::get).build());

        assertThat(given).hasMessageContaining("PROMPTLAYER_API_KEY");
        assertThat(fromEnvironment).isNotNull();
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> ApiKey.of(invisible)))
                .hasMessage("promptlayer.api-key must not be blank");
    }

    @Test
    void anInvisibleEnvironmentKeyDoesNotReplaceOneGivenEarlier() {
        PromptLayerConfig config = PromptLayerConfig.builder().apiKey(KEY)
                .environment(Map.of("PROMPTLAYER_API_KEY", "\u200b")::get).build();

        assertThat(config.apiKey()).isEqualTo(ApiKey.of(KEY));
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
        assertThat(failure.getMessage())
                .isEqualTo("promptlayer.read-timeout must be a positive duration from 1 ms to 10 min (was PT0S)");
        assertThat(catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> PromptLayerConfig.builder().apiKey(KEY).connectTimeout(Duration.ofSeconds(-1)).build())
                .property()).isEqualTo("promptlayer.connect-timeout");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0.000000001S", "PT0.000999S", "PT10M0.001S", "PT24H"})
    void timeoutsOutsideOneMillisecondToTenMinutesFailBuild(String timeout) {
        Duration value = Duration.parse(timeout);

        PromptLayerConfigurationException read = catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> PromptLayerConfig.builder().apiKey(KEY).readTimeout(value).build());
        PromptLayerConfigurationException connect = catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> PromptLayerConfig.builder().apiKey(KEY).connectTimeout(value).build());

        assertThat(read.getMessage()).isEqualTo(
                "promptlayer.read-timeout must be a positive duration from 1 ms to 10 min (was " + timeout + ")");
        assertThat(connect.property()).isEqualTo("promptlayer.connect-timeout");
        assertThat(connect.getMessage()).startsWith("promptlayer.connect-timeout must be a positive duration from 1 ms");
    }

    @Test
    void timeoutsAtTheEdgesOfTheRangeAreAccepted() {
        PromptLayerConfig config = PromptLayerConfig.builder().apiKey(KEY)
                .connectTimeout(Duration.ofMillis(1)).readTimeout(Duration.ofMinutes(10)).build();

        assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(1));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofMinutes(10));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "http://127.0.0.1:99999       | has a port that is not a number from 1 to 65535 (port 99999) (was http://127.0.0.1:99999)",
        "http://127.0.0.1:0           | has a port that is not a number from 1 to 65535 (port 0) (was http://127.0.0.1:0)",
        "http://127.0.0.1:-1          | has a port that is not a number from 1 to 65535 (port -1) (was http://127.0.0.1:-1)",
        "https://pl.example.com:123456 | has a port that is not a number from 1 to 65535 (port 123456) (was https://pl.example.com:123456)",
        "https://api_promptlayer.com  | has '_' in host name api_promptlayer.com, where only letters, digits, '-' and '.' are allowed (an underscore is not allowed in a host name) (was https://api_promptlayer.com)",
        "https://1.2.3.999            | has 1.2.3.999, which is not a valid IPv4 address (four numbers from 0 to 255) (was https://1.2.3.999)",
        "https://10.1.2              | has 10.1.2, which is not a valid IPv4 address (four numbers from 0 to 255) (was https://10.1.2)",
        "https://b\u00fccher.example | has '\u00fc' in host name b\u00fccher.example; write an internationalised name in its ASCII form (xn--..., java.net.IDN.toASCII gives it) (was https://b\u00fccher.example)",
        "https://-pl.example.com      | has a label that starts or ends with '-' in host name -pl.example.com (was https://-pl.example.com)",
        "https://pl..example.com      | has an empty label (two dots in a row, or a dot first) in host name pl..example.com (was https://pl..example.com)",
        "http://127.0.0.1:80:81       | has several ':'; an IPv6 address must be written in brackets, e.g. http://[::1]:8080 (was http://127.0.0.1:80:81)"})
    void aWrongHostOrPortIsNamedWithTheRuleItBreaks(String url, String rule) {
        PromptLayerConfigurationException failure = catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> PromptLayerConfig.builder().apiKey(KEY).baseUrl(url).build());

        assertThat(failure.property()).isEqualTo("promptlayer.base-url");
        assertThat(failure.getMessage()).isEqualTo("promptlayer.base-url " + rule);
    }

    @Test
    void aHostNameLabelOrNameTooLongIsNamed() {
        String longLabel = "a".repeat(64) + ".example.com";
        String longName = ("a".repeat(60) + ".").repeat(5) + "com";

        assertThat(catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> PromptLayerConfig.builder().apiKey(KEY).baseUrl("https://" + longLabel).build()))
                .hasMessageStartingWith("promptlayer.base-url has a label of 64 characters in host name " + longLabel
                        + "; at most 63 are allowed between two dots");
        assertThat(catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> PromptLayerConfig.builder().apiKey(KEY).baseUrl("https://" + longName).build()))
                .hasMessageStartingWith("promptlayer.base-url has a host name of 308 characters; at most 253 are allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://pl.example.com.", "https://pl-1.example.com:1", "https://pl.example.com:65535",
        "https://10.0.0.255", "https://[2001:db8::1]:8443", "HTTPS://PL.Example.COM"})
    void validHostsAndPortsAreAccepted(String url) {
        assertThat(PromptLayerConfig.builder().apiKey(KEY).baseUrl(url).build().baseUrl()).hasToString(url);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "https://api.promptlayer.com/rest/track-metadata | /rest/track-metadata | https://api.promptlayer.com",
        "https://api.promptlayer.com/rest/track-metadata/ | /rest/track-metadata | https://api.promptlayer.com",
        "https://api.promptlayer.com/rest                | /rest                | https://api.promptlayer.com",
        "https://api.promptlayer.com/log-request         | /log-request         | https://api.promptlayer.com",
        "https://api.promptlayer.com/rest/track-score    | /rest/track-score    | https://api.promptlayer.com",
        "https://api.promptlayer.com/rest/track-prompt   | /rest/track-prompt   | https://api.promptlayer.com",
        "https://pl.example.com:8443/pl/REST/Track-Metadata | /REST/Track-Metadata | https://pl.example.com:8443/pl"})
    void aBaseUrlEndingInAnEndpointPathFailsBuildSayingWhatToSetInstead(String url, String endpoint, String root) {
        PromptLayerConfigurationException failure = catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> PromptLayerConfig.builder().apiKey(KEY).baseUrl(url).build());

        assertThat(failure.property()).isEqualTo("promptlayer.base-url");
        assertThat(failure.getMessage()).isEqualTo("promptlayer.base-url ends in the endpoint path " + endpoint
                + ", which pltrack adds itself; set promptlayer.base-url=" + root + " (was " + url + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://pl.example.com/promptlayer", "https://pl.example.com/rest/v2", "https://pl.example.com/myrest"})
    void aPathPrefixForASelfHostedServerIsAccepted(String url) {
        assertThat(PromptLayerConfig.builder().apiKey(KEY).baseUrl(url).build().baseUrl()).hasToString(url);
    }

    @Test
    void aKeyPastedIntoTheBaseUrlIsMaskedInTheMessage() {
        PromptLayerConfigurationException failure = catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> PromptLayerConfig.builder().apiKey(KEY).baseUrl("https://" + KEY).build());

        assertThat(failure.property()).isEqualTo("promptlayer.base-url");
        assertThat(failure.getMessage()).doesNotContain(KEY)
                .isEqualTo("promptlayer.base-url has '_' in host name ****, where only letters, digits, '-' and '.'"
                        + " are allowed (an underscore is not allowed in a host name) (was https://****)");
    }

    @Test
    void aKeyLongerThan1024CharactersFailsBuildWithoutShowingIt() {
        String tooLong = "pl_" + "k".repeat(1022);

        PromptLayerConfigurationException failure = catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> PromptLayerConfig.builder().apiKey(tooLong).build());

        assertThat(failure.property()).isEqualTo("promptlayer.api-key");
        assertThat(failure.getMessage()).isEqualTo("promptlayer.api-key must be at most 1024 characters (was 1025);"
                + " PromptLayer keys are about 40, so this is likely something else");
        assertThat(PromptLayerConfig.builder().apiKey(tooLong.substring(1)).build().apiKey())
                .isEqualTo(ApiKey.of(tooLong.substring(1)));
    }

    @Test
    void retryBackoffsOutsideOneMillisecondTo24HoursAreRefused() {
        PromptLayerConfigurationException tiny = catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> new RetryPolicy(2, Duration.ofNanos(1), Duration.ofSeconds(1)));
        PromptLayerConfigurationException huge = catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> new RetryPolicy(2, Duration.ofMillis(1), Duration.ofSeconds(Long.MAX_VALUE)));

        assertThat(tiny.property()).isEqualTo("promptlayer.retry.initial-backoff");
        assertThat(tiny.getMessage()).isEqualTo("promptlayer.retry.initial-backoff must be positive, at least 1 ms (was PT0.000000001S)");
        assertThat(huge.property()).isEqualTo("promptlayer.retry.max-backoff");
        assertThat(huge.getMessage()).startsWith("promptlayer.retry.max-backoff must be at most 24 h (was PT");
        assertThat(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofHours(24)).maxBackoff()).isEqualTo(Duration.ofHours(24));
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
