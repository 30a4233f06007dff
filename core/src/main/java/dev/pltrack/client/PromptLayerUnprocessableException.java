package dev.pltrack.client;

import java.time.Duration;

/** 422: PromptLayer's own validation rejected the body (its {@code detail} is in the message). Not retried. */
public class PromptLayerUnprocessableException extends PromptLayerHttpException {

    public PromptLayerUnprocessableException(int status, String message, String responseBody, Duration retryAfter) {
        super(FailureReason.UNPROCESSABLE, status, message, responseBody, retryAfter);
    }
}
