package dev.pltrack.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.client.LogErrorType;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class LlmFailuresTest {

    static final class AuthenticationException extends RuntimeException {
        AuthenticationException(String message) {
            super(message);
        }
    }

    static final class RateLimitException extends RuntimeException {
        RateLimitException() {
            super((String) null);
        }
    }

    /** As OpenAI's Java SDK and LangChain4j's HttpException carry it. */
    public static final class StatusCodeException extends RuntimeException {
        private final int status;

        StatusCodeException(int status) {
            super("no telling name or message");
            this.status = status;
        }

        public int statusCode() {
            return status;
        }
    }

    /** Spring's HttpStatusCode, answered by getStatusCode(). */
    public record HttpStatusCode(int value) {
    }

    /** As Spring's REST client exceptions carry it. */
    public static final class RestClientException extends RuntimeException {
        public HttpStatusCode getStatusCode() {
            return new HttpStatusCode(429);
        }
    }

    /** A status accessor declared by a public interface, on a class that is not public itself. */
    public interface HasStatus {
        int statusCode();
    }

    static final class HiddenStatusException extends RuntimeException implements HasStatus {
        @Override
        public int statusCode() {
            return 403;
        }
    }

    /** An accessor of that name that answers something else than a status. */
    public static final class OddStatusException extends RuntimeException {
        public String getStatusCode() {
            return "429";
        }

        public int getRawStatusCode() {
            return 503;
        }
    }

    static final class ReadTimeoutError extends RuntimeException {
    }

    static final class InsufficientQuotaException extends RuntimeException {
    }

    /** {@code depth} wrappers around {@code innermost}. */
    private static Throwable wrapped(Throwable innermost, int depth) {
        Throwable error = innermost;
        for (int i = 0; i < depth; i++) {
            error = new RuntimeException("wrapper " + i, error);
        }
        return error;
    }

    @Test
    void onlyErrorStatusesCount() {
        assertThat(CarriedHttpStatus.of(new StatusCodeException(399))).isNull();
        assertThat(CarriedHttpStatus.of(new StatusCodeException(400))).isEqualTo(400);
        assertThat(CarriedHttpStatus.of(new StatusCodeException(599))).isEqualTo(599);
        assertThat(CarriedHttpStatus.of(new StatusCodeException(600))).isNull();
    }

    @Test
    void theStatusIsReadThroughAPublicInterfaceAndAnOddAccessorIsPassedOver() {
        assertThat(CarriedHttpStatus.of(new HiddenStatusException())).isEqualTo(403);
        assertThat(CarriedHttpStatus.of(new OddStatusException())).isEqualTo(503);
    }

    @Test
    void causesAreSearchedTenDeep() {
        assertThat(CarriedHttpStatus.of(wrapped(new StatusCodeException(429), 9))).isEqualTo(429);
        assertThat(CarriedHttpStatus.of(wrapped(new StatusCodeException(429), 10))).isNull();
        assertThat(LlmFailures.typeOf(wrapped(new SocketTimeoutException(), 9))).isEqualTo(LogErrorType.PROVIDER_TIMEOUT);
        assertThat(LlmFailures.typeOf(wrapped(new SocketTimeoutException(), 10))).isEqualTo(LogErrorType.PROVIDER_ERROR);
    }

    @Test
    void aLeadingStatusDecidesOnlyWhenItIsAnErrorStatus() {
        // An error status in the message decides, before a cause is looked at; another number does not.
        assertThat(LlmFailures.typeOf(new RuntimeException("400 Bad Request", new SocketTimeoutException())))
                .isEqualTo(LogErrorType.PROVIDER_ERROR);
        assertThat(LlmFailures.typeOf(new RuntimeException("599 odd", new SocketTimeoutException())))
                .isEqualTo(LogErrorType.PROVIDER_ERROR);
        assertThat(LlmFailures.typeOf(new RuntimeException("399 odd", new SocketTimeoutException())))
                .isEqualTo(LogErrorType.PROVIDER_TIMEOUT);
        assertThat(LlmFailures.typeOf(new RuntimeException("600 odd", new SocketTimeoutException())))
                .isEqualTo(LogErrorType.PROVIDER_TIMEOUT);
    }

    @Test
    void timeoutAndQuotaClassNamesAreRead() {
        assertThat(LlmFailures.typeOf(new ReadTimeoutError())).isEqualTo(LogErrorType.PROVIDER_TIMEOUT);
        assertThat(LlmFailures.typeOf(new InsufficientQuotaException())).isEqualTo(LogErrorType.PROVIDER_QUOTA_LIMIT);
    }

    @Test
    void theHttpStatusAnExceptionCarriesDecidesFirst() {
        assertThat(LlmFailures.typeOf(new StatusCodeException(401))).isEqualTo(LogErrorType.PROVIDER_AUTH_ERROR);
        assertThat(LlmFailures.typeOf(new RuntimeException(new StatusCodeException(504))))
                .isEqualTo(LogErrorType.PROVIDER_TIMEOUT);
        assertThat(LlmFailures.typeOf(new RestClientException())).isEqualTo(LogErrorType.PROVIDER_RATE_LIMIT);
        // Not an error status: the rest of the rules decide.
        assertThat(LlmFailures.typeOf(new StatusCodeException(200))).isEqualTo(LogErrorType.PROVIDER_ERROR);
        assertThat(CarriedHttpStatus.of(new StatusCodeException(200))).isNull();
        assertThat(CarriedHttpStatus.of(new RuntimeException("plain"))).isNull();
    }

    @Test
    void timeoutsAreFoundAmongTheCauses() {
        assertThat(LlmFailures.typeOf(new UncheckedIOException(new SocketTimeoutException("read timed out"))))
                .isEqualTo(LogErrorType.PROVIDER_TIMEOUT);
        assertThat(LlmFailures.typeOf(new RuntimeException(new java.util.concurrent.TimeoutException())))
                .isEqualTo(LogErrorType.PROVIDER_TIMEOUT);
    }

    @Test
    void telltaleClassNamesAndLeadingStatusesAreRead() {
        assertThat(LlmFailures.typeOf(new AuthenticationException("bad key"))).isEqualTo(LogErrorType.PROVIDER_AUTH_ERROR);
        assertThat(LlmFailures.typeOf(new RateLimitException())).isEqualTo(LogErrorType.PROVIDER_RATE_LIMIT);
        assertThat(LlmFailures.typeOf(new RuntimeException("HTTP 401 - {\"error\":\"invalid key\"}")))
                .isEqualTo(LogErrorType.PROVIDER_AUTH_ERROR);
        assertThat(LlmFailures.typeOf(new RuntimeException("504 Gateway Timeout")))
                .isEqualTo(LogErrorType.PROVIDER_TIMEOUT);
        assertThat(LlmFailures.typeOf(new RuntimeException("HTTP 500 - oops"))).isEqualTo(LogErrorType.PROVIDER_ERROR);
        assertThat(LlmFailures.typeOf(new RuntimeException("the model said 401 things")))
                .isEqualTo(LogErrorType.PROVIDER_ERROR);
        assertThat(LlmFailures.typeOf(new IllegalStateException())).isEqualTo(LogErrorType.PROVIDER_ERROR);
    }

    @Test
    void statusesMapToPromptLayersCategories() {
        assertThat(LlmFailures.typeOfStatus(403)).isEqualTo(LogErrorType.PROVIDER_AUTH_ERROR);
        assertThat(LlmFailures.typeOfStatus(408)).isEqualTo(LogErrorType.PROVIDER_TIMEOUT);
        assertThat(LlmFailures.typeOfStatus(429)).isEqualTo(LogErrorType.PROVIDER_RATE_LIMIT);
        assertThat(LlmFailures.typeOfStatus(503)).isEqualTo(LogErrorType.PROVIDER_ERROR);
    }

    @Test
    void theMessageNamesTheExceptionAndSaysWhatItSaid() {
        assertThat(LlmFailures.messageOf(new IllegalStateException("boom"))).isEqualTo("IllegalStateException: boom");
        assertThat(LlmFailures.messageOf(new RateLimitException())).isEqualTo("RateLimitException");
        assertThat(LlmFailures.messageOf(null)).isEqualTo("unknown error");
    }
}
