package dev.pltrack.client;

import java.time.Duration;

/** 401: the API key is missing or wrong. Not retried: check {@code promptlayer.api-key}. */
public class PromptLayerUnauthorizedException extends PromptLayerHttpException {

    public PromptLayerUnauthorizedException(int status, String message, String responseBody, Duration retryAfter) {
        super(FailureReason.UNAUTHORIZED, status, message, responseBody, retryAfter);
    }
}
