package dev.pltrack.client;

import java.time.Duration;

/** 400: PromptLayer could not read the request. Not retried. */
public class PromptLayerBadRequestException extends PromptLayerHttpException {

    public PromptLayerBadRequestException(int status, String message, String responseBody, Duration retryAfter) {
        super(FailureReason.BAD_REQUEST, status, message, responseBody, retryAfter);
    }
}
