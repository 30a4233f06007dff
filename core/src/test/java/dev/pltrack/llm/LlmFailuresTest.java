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
