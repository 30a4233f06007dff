package dev.pltrack.client;

import java.time.Duration;

/** 404: the request id is unknown to PromptLayer, or the base URL is wrong. Not retried. */
public class PromptLayerNotFoundException extends PromptLayerHttpException {

    public PromptLayerNotFoundException(int status, String message, String responseBody, Duration retryAfter) {
        super(FailureReason.NOT_FOUND, status, message, responseBody, retryAfter);
    }
}
