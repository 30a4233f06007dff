package dev.pltrack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Behaviour that mutation testing found unpinned: each test here fails when the line it guards is
 * broken. Nothing is sent anywhere but 127.0.0.1; the other addresses are configuration-time checks.
 */
class ClientSurvivorsTest {

    private static final String KEY = "pl_survivors_secret_42";

    @ParameterizedTest
    @ValueSource(strings = {"http://10.1.2.3", "http://192.168.0.7:8080", "http://[2001:db8::1]", "http://localhost.example.com",
        "http://127.example.com"})
    void plainHttpToAnAddressOffLoopbackIsRefused(String url) {
        PromptLayerConfigurationException failure = catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> PromptLayerConfig.builder().apiKey(KEY).baseUrl(url).build());

        assertThat(failure.property()).isEqualTo("promptlayer.base-url");
        assertThat(failure.getMessage()).startsWith("promptlayer.base-url uses plain http to ")
                .contains("which would send the API key unencrypted");
    }

    @Test
    void loopbackIsJudgedByLiteralAndNameOnly() {
        assertThat(BaseUrl.isLoopback("localhost")).isTrue();
        assertThat(BaseUrl.isLoopback("LOCALHOST")).isTrue();
        assertThat(BaseUrl.isLoopback("127.0.0.1")).isTrue();
        assertThat(BaseUrl.isLoopback("[::1]")).isTrue();
        assertThat(BaseUrl.isLoopback("10.1.2.3")).isFalse();
        assertThat(BaseUrl.isLoopback("[2001:db8::1]")).isFalse();
        assertThat(BaseUrl.isLoopback("pl.internal")).isFalse();
        assertThat(BaseUrl.isLoopback("[::1")).isFalse();
    }

    @Test
    void aValueThatIsNotAUrlIsShownByItsLengthOnly() {
        PromptLayerConfigurationException failure = catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> PromptLayerConfig.builder().apiKey(KEY).baseUrl("pl_other secret").build());

        assertThat(failure.getMessage()).isEqualTo(
                "promptlayer.base-url is not a valid URL (Illegal character in path): a value of 15 characters, not shown");
    }

    @Test
    void aRefusedUrlShowsSchemeHostPortAndPath() {
        PromptLayerConfigurationException failure = catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> PromptLayerConfig.builder().apiKey(KEY).baseUrl("ftp://pl.example.com:2121/x").build());

        assertThat(failure.getMessage()).isEqualTo("promptlayer.base-url must be an absolute http or https URL,"
                + " e.g. https://api.promptlayer.com (was ftp://pl.example.com:2121/x)");
    }

    @Test
    void aUrlWithUserInfoOnAnUnreadableHostShowsTheHostWithoutTheUserInfo() {
        PromptLayerConfigurationException failure = catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> PromptLayerConfig.builder().apiKey(KEY).baseUrl("https://user:pw@api_x.example").build());

        assertThat(failure.getMessage()).isEqualTo(
                "promptlayer.base-url must not carry a query, fragment or user info (was https://api_x.example...)");
    }

    @Test
    void aBlankBaseUrlIsRefusedByTheParser() {
        assertThat(catchThrowableOfType(PromptLayerConfigurationException.class, () -> BaseUrl.parse(" ", false)))
                .hasMessage("promptlayer.base-url must not be blank");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"499, UNEXPECTED_STATUS", "500, SERVER_ERROR", "599, SERVER_ERROR", "600, UNEXPECTED_STATUS",
        "302, UNEXPECTED_STATUS"})
    void only500To599AreServerErrors(int status, FailureReason reason) {
        PromptLayerHttpException failure = StatusErrorDecoder.exceptionFor(status, "m", "", null);

        assertThat(failure.reason()).isEqualTo(reason);
        assertThat(failure.isRetryable()).isEqualTo(reason == FailureReason.SERVER_ERROR);
    }

    @ParameterizedTest(name = "{0} over the wire -> {1}")
    @CsvSource({"599, SERVER_ERROR, 'PromptLayer answered 599 Server Error'", "600, UNEXPECTED_STATUS, 'PromptLayer answered 600'"})
    void statuses599And600OverTheWire(int status, FailureReason reason, String message) throws Exception {
        try (RawAnswerServer server = new RawAnswerServer("HTTP/1.1 " + status + " Odd")) {
            PromptLayerClient client = PromptLayerClient.create(PromptLayerConfig.builder()
                    .apiKey(KEY).baseUrl(server.baseUrl()).retryPolicy(RetryPolicy.noRetries()).build());

            PromptLayerHttpException failure = catchThrowableOfType(PromptLayerHttpException.class,
                    () -> client.track(1L, Map.of("k", "v")));

            assertThat(failure.status()).isEqualTo(status);
            assertThat(failure.reason()).isEqualTo(reason);
            assertThat(failure.getMessage()).isEqualTo(message);
        }
    }

    @Test
    void apiKeysAreEqualByValueOnly() {
        ApiKey key = ApiKey.of(KEY);

        assertThat(key).isEqualTo(ApiKey.of(" " + KEY + "\n")).hasSameHashCodeAs(ApiKey.of(KEY));
        assertThat(key).isNotEqualTo(ApiKey.of(KEY + "x")).isNotEqualTo(ApiKey.of("pl_survivors_secret_43"));
        assertThat(key.equals(KEY)).isFalse();
        assertThat(key.equals(null)).isFalse();
        assertThat(key).hasToString("****");
    }
}
