package dev.pltrack.client;

import java.time.Duration;

/** 5xx: PromptLayer failed to handle the request. Retried with backoff. */
public class PromptLayerServerException extends PromptLayerHttpException {

    public PromptLayerServerException(int status, String message, String responseBody, Duration retryAfter) {
        super(FailureReason.SERVER_ERROR, status, message, responseBody, retryAfter);
    }
}
