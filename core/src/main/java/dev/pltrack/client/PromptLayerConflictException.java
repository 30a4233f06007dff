package dev.pltrack.client;

import java.time.Duration;

/** 409: PromptLayer refused a conflicting change. Not retried. */
public class PromptLayerConflictException extends PromptLayerHttpException {

    public PromptLayerConflictException(int status, String message, String responseBody, Duration retryAfter) {
        super(FailureReason.CONFLICT, status, message, responseBody, retryAfter);
    }
}
