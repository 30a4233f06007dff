package dev.pltrack.client;

import java.time.Duration;

/** 429: PromptLayer rate limited the caller. Retried after {@code Retry-After} when the server sends it. */
public class PromptLayerRateLimitedException extends PromptLayerHttpException {

    public PromptLayerRateLimitedException(int status, String message, String responseBody, Duration retryAfter) {
        super(FailureReason.RATE_LIMITED, status, message, responseBody, retryAfter);
    }
}
