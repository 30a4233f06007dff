package dev.pltrack.client;

import java.time.Duration;

/** A 200 whose body is not PromptLayer's JSON answer (a proxy's HTML page, say). Not retried. */
public class PromptLayerInvalidResponseException extends PromptLayerHttpException {

    public PromptLayerInvalidResponseException(int status, String message, String responseBody, Duration retryAfter) {
        super(FailureReason.INVALID_RESPONSE, status, message, responseBody, retryAfter);
    }
}
