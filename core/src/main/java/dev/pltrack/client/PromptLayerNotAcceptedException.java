package dev.pltrack.client;

import java.time.Duration;

/** A 200 whose body says {@code "success": false}: PromptLayer did not store the metadata. Not retried. */
public class PromptLayerNotAcceptedException extends PromptLayerHttpException {

    public PromptLayerNotAcceptedException(int status, String message, String responseBody, Duration retryAfter) {
        super(FailureReason.NOT_ACCEPTED, status, message, responseBody, retryAfter);
    }
}
