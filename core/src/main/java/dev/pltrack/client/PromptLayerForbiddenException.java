package dev.pltrack.client;

import java.time.Duration;

/** 403: the API key may not track metadata for this request. Not retried. */
public class PromptLayerForbiddenException extends PromptLayerHttpException {

    public PromptLayerForbiddenException(int status, String message, String responseBody, Duration retryAfter) {
        super(FailureReason.FORBIDDEN, status, message, responseBody, retryAfter);
    }
}
