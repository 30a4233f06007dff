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
