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
        assertThat(BaseUrl.isLoopback("::1")).isFalse();
        assertThat(BaseUrl.isLoopback("[::2]")).isFalse();
        assertThat(BaseUrl.isLoopback("[fe80::1%nosuchinterface9]")).as("a literal InetAddress cannot read").isFalse();
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
        assertThat(ApiKey.of("pl_a").hashCode()).isNotEqualTo(ApiKey.of("pl_b").hashCode());
    }

    @Test
    void retryAfterInSecondsIsExactUpToTheLongestPause() {
        java.time.Clock clock = java.time.Clock.systemUTC();
        long longestSeconds = RetryAfter.LONGEST.getSeconds();

        assertThat(RetryAfter.parse(String.valueOf(longestSeconds), clock)).contains(java.time.Duration.ofSeconds(longestSeconds));
        assertThat(RetryAfter.parse(String.valueOf(longestSeconds + 1), clock)).contains(RetryAfter.LONGEST);
    }

    @Test
    void configAndBuilderPrintEverySettingButTheKey() {
        PromptLayerConfig.Builder builder = PromptLayerConfig.builder().apiKey(KEY).allowInsecureHttp(true)
                .baseUrl("http://pl.internal:8080");
        PromptLayerConfig config = builder.build();

        assertThat(config.allowInsecureHttp()).isTrue();
        assertThat(config).hasToString("PromptLayerConfig{apiKey=****, baseUrl=http://pl.internal:8080,"
                + " connectTimeout=PT2S, readTimeout=PT10S, retryPolicy=" + RetryPolicy.defaults()
                + ", allowInsecureHttp=true, httpLogging=NONE}");
        assertThat(builder).hasToString("PromptLayerConfig.Builder{apiKey=****, baseUrl=http://pl.internal:8080}");
        assertThat(PromptLayerConfig.builder()).hasToString(
                "PromptLayerConfig.Builder{apiKey=<unset>, baseUrl=https://api.promptlayer.com}");
        assertThat(new TrackMetadataBody(config.apiKey(), TrackRequest.of(5L, Map.of("k", "v"))))
                .hasToString("TrackMetadataBody{api_key=****, request_id=5, metadata={k=v}}");
    }

    @Test
    void aFieldNameShowsKeysOfUpTo40CharactersWhole() {
        assertThat(TrackRequestValidator.fieldName("k".repeat(40))).isEqualTo("metadata[\"" + "k".repeat(40) + "\"]");
        assertThat(TrackRequestValidator.fieldName("k".repeat(41))).isEqualTo("metadata[\"" + "k".repeat(40) + "...\"]");
    }

    @Test
    void abbreviationKeeps200Characters() {
        assertThat(ResponseBodies.abbreviate("a".repeat(200))).isEqualTo("a".repeat(200));
        assertThat(ResponseBodies.abbreviate("a".repeat(201))).isEqualTo("a".repeat(200) + "...");
    }

    @Test
    void aBodyThatIsNotJsonIsTheServerMessageAndAnUnusualDetailIsShownAsJson() {
        assertThat(StatusErrorDecoder.serverMessage("  Bad gateway from the proxy \n")).contains("Bad gateway from the proxy");
        assertThat(StatusErrorDecoder.serverMessage("{\"detail\":{\"code\":7}}")).contains("{\"code\":7}");
        assertThat(StatusErrorDecoder.serverMessage("{\"detail\":null}")).isEmpty();
        assertThat(StatusErrorDecoder.serverMessage(" ")).isEmpty();
    }

    @Test
    void a404MessageLeavesTheQueryOut() {
        feign.Request request = feign.Request.create(feign.Request.HttpMethod.POST,
                "http://127.0.0.1:9/x/rest/track-metadata?token=abc", Map.of(), new byte[0],
                java.nio.charset.StandardCharsets.UTF_8, null);
        feign.Response response = feign.Response.builder().status(404).request(request).headers(Map.of()).build();

        Exception failure = new StatusErrorDecoder(new SecretRedactor(ApiKey.of(KEY)), java.time.Clock.systemUTC())
                .decode("track", response);

        assertThat(failure).hasMessageStartingWith(
                "PromptLayer answered 404 Not Found for POST http://127.0.0.1:9/x/rest/track-metadata (check");
    }

    @Test
    void putAllConvertsEveryValueAsPutDoes() {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("n", 3);
        values.put("gone", null);

        assertThat(Metadata.builder().put("gone", "x").putAll(values).build()).containsExactly(Map.entry("n", "3"));
    }
}
