package dev.pltrack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import dev.pltrack.testkit.Fault;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a track can fail maps to its own exception, with the server's words in the message. */
class PromptLayerClientErrorTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private PromptLayerClient clientWithoutRetries(FakePromptLayer fake) {
        return clientWithoutRetries(fake, PromptLayerConfig.DEFAULT_READ_TIMEOUT);
    }

    private PromptLayerClient clientWithoutRetries(FakePromptLayer fake, Duration readTimeout) {
        return PromptLayerClient.create(FakeBackedClients.configFor(fake)
                .retryPolicy(RetryPolicy.noRetries())
                .readTimeout(readTimeout)
                .build());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "400, PromptLayerBadRequestException, BAD_REQUEST",
            "401, PromptLayerUnauthorizedException, UNAUTHORIZED",
            "403, PromptLayerForbiddenException, FORBIDDEN",
            "404, PromptLayerNotFoundException, NOT_FOUND",
            "409, PromptLayerConflictException, CONFLICT",
            "422, PromptLayerUnprocessableException, UNPROCESSABLE",
            "429, PromptLayerRateLimitedException, RATE_LIMITED",
            "500, PromptLayerServerException, SERVER_ERROR",
            "502, PromptLayerServerException, SERVER_ERROR",
            "503, PromptLayerServerException, SERVER_ERROR",
            "418, PromptLayerHttpException, UNEXPECTED_STATUS",
    })
    void mapsEachStatusToItsException(int status, String exceptionName, FailureReason reason) {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.status(status, "{\"message\":\"told by the server " + status + "\"}"));

        PromptLayerHttpException failure = catchThrowableOfType(PromptLayerHttpException.class,
                () -> clientWithoutRetries(fake).track(1L, Map.of("k", "v")));

        assertThat(failure.getClass().getSimpleName()).isEqualTo(exceptionName);
        assertThat(failure.reason()).isEqualTo(reason);
        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.getMessage()).startsWith("PromptLayer answered " + status)
                .endsWith(": told by the server " + status);
        assertThat(failure.responseBody()).contains("told by the server");
    }

    @Test
    void a404NamesTheUrlCalledWithoutTheKey() {
        FakePromptLayer fake = promptLayer.server();
        PromptLayerClient client = PromptLayerClient.create(FakeBackedClients.configFor(fake)
                .baseUrl(fake.baseUrl() + "/self-hosted")
                .retryPolicy(RetryPolicy.noRetries())
                .build());

        PromptLayerNotFoundException failure = catchThrowableOfType(PromptLayerNotFoundException.class,
                () -> client.track(1L, Map.of("k", "v")));

        assertThat(failure.getMessage()).startsWith("PromptLayer answered 404 Not Found for POST " + fake.baseUrl()
                        + "/self-hosted/rest/track-metadata (check promptlayer.base-url: the server's address,"
                        + " without an endpoint path; and the request id)")
                .doesNotContain(fake.apiKey());
    }

    @Test
    void takesTheMessageFromErrorWhenThereIsNoMessage() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.status(401, "{\"error\":\"Invalid API key\"}"));

        PromptLayerUnauthorizedException failure = catchThrowableOfType(PromptLayerUnauthorizedException.class,
                () -> clientWithoutRetries(fake).track(1L, Map.of("k", "v")));

        assertThat(failure.getMessage())
                .isEqualTo("PromptLayer answered 401 Unauthorized (check promptlayer.api-key): Invalid API key");
    }

    @Test
    void describesFastApiValidationDetail() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.status(422, "{\"detail\":[{\"loc\":[\"body\",\"request_id\"],"
                + "\"msg\":\"Input should be a valid integer\",\"type\":\"int_parsing\"},"
                + "{\"loc\":[\"body\",\"metadata\",\"k\"],\"msg\":\"Input should be a valid string\",\"type\":\"string_type\"}]}"));

        PromptLayerUnprocessableException failure = catchThrowableOfType(PromptLayerUnprocessableException.class,
                () -> clientWithoutRetries(fake).track(1L, Map.of("k", "v")));

        assertThat(failure.getMessage()).endsWith(
                ": request_id: Input should be a valid integer; metadata.k: Input should be a valid string");
    }

    @Test
    void aWrongKeyIsUnauthorizedByTheRealContract() {
        FakePromptLayer fake = promptLayer.server();
        PromptLayerClient client = PromptLayerClient.create(FakeBackedClients.configFor(fake)
                .apiKey("pl_wrong_key").build());

        PromptLayerUnauthorizedException failure = catchThrowableOfType(PromptLayerUnauthorizedException.class,
                () -> client.track(1L, Map.of("k", "v")));

        assertThat(failure.status()).isEqualTo(401);
        assertThat(fake.received()).hasSize(1);
    }

    @Test
    void rateLimitedCarriesRetryAfter() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.rateLimited(Duration.ofSeconds(7)));

        PromptLayerRateLimitedException failure = catchThrowableOfType(PromptLayerRateLimitedException.class,
                () -> clientWithoutRetries(fake).track(1L, Map.of("k", "v")));

        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(failure.isRetryable()).isTrue();
    }

    @Test
    void successFalseIsAFailure() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.successFalse("Request not found"));

        PromptLayerNotAcceptedException failure = catchThrowableOfType(PromptLayerNotAcceptedException.class,
                () -> clientWithoutRetries(fake).track(77L, Map.of("k", "v")));

        assertThat(failure.status()).isEqualTo(200);
        assertThat(failure.reason()).isEqualTo(FailureReason.NOT_ACCEPTED);
        assertThat(failure.getMessage()).contains("request 77").endsWith(": Request not found");
    }

    @Test
    void aBodyThatIsNotJsonIsAnInvalidResponse() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.nonJsonOk());

        PromptLayerInvalidResponseException failure = catchThrowableOfType(PromptLayerInvalidResponseException.class,
                () -> clientWithoutRetries(fake).track(1L, Map.of("k", "v")));

        assertThat(failure.status()).isEqualTo(200);
        assertThat(failure.reason()).isEqualTo(FailureReason.INVALID_RESPONSE);
        assertThat(failure.getMessage()).contains("not its JSON answer");
    }

    @Test
    void aJsonAnswerWithoutSuccessIsAnInvalidResponse() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.status(200, "{\"message\":\"hello\"}"));

        catchThrowableOfType(PromptLayerInvalidResponseException.class,
                () -> clientWithoutRetries(fake).track(1L, Map.of("k", "v")));
    }

    @Test
    void aDroppedConnectionIsANetworkFailure() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.dropConnection());

        PromptLayerTransportException failure = catchThrowableOfType(PromptLayerTransportException.class,
                () -> clientWithoutRetries(fake).track(1L, Map.of("k", "v")));

        assertThat(failure.reason()).isEqualTo(FailureReason.NETWORK);
        assertThat(failure.isTimeout()).isFalse();
        assertThat(failure.getCause()).isInstanceOf(IOException.class);
        assertThat(failure.getMessage()).startsWith("Could not reach PromptLayer at " + fake.baseUrl());
    }

    @Test
    void aRefusedConnectionIsANetworkFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PromptLayerClient client = PromptLayerClient.create(PromptLayerConfig.builder()
                .apiKey("pl_any").baseUrl("http://127.0.0.1:" + closedPort)
                .retryPolicy(RetryPolicy.noRetries()).build());

        PromptLayerTransportException failure = catchThrowableOfType(PromptLayerTransportException.class,
                () -> client.track(1L, Map.of("k", "v")));

        assertThat(failure.reason()).isEqualTo(FailureReason.NETWORK);
    }

    @Test
    void aSlowAnswerHitsTheReadTimeout() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.delay(Duration.ofSeconds(3)));

        long started = System.nanoTime();
        PromptLayerTransportException failure = catchThrowableOfType(PromptLayerTransportException.class,
                () -> clientWithoutRetries(fake, Duration.ofMillis(500)).track(1L, Map.of("k", "v")));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failure.isTimeout()).isTrue();
        assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(failure.getMessage()).startsWith("Timed out talking to PromptLayer").contains("read timeout 500 ms");
        assertThat(waited).isBetween(Duration.ofMillis(400), Duration.ofMillis(2500));
    }
}
