package dev.pltrack.client;

import java.time.Duration;
import java.util.Optional;

/**
 * PromptLayer answered, but not with a success. The subclasses name the common statuses; any other
 * status arrives as this class with {@link FailureReason#UNEXPECTED_STATUS}.
 */
public class PromptLayerHttpException extends PromptLayerException {

    private final int status;
    private final String responseBody;
    private final Duration retryAfter;

    public PromptLayerHttpException(
            FailureReason reason, int status, String message, String responseBody, Duration retryAfter) {
        super(reason, message);
        this.status = status;
        this.responseBody = responseBody == null ? "" : responseBody;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status PromptLayer answered with. */
    public int status() {
        return status;
    }

    /**
     * The response body as received, with the API key redacted, then cut to its first 8,192
     * characters (ending in {@code ...}); empty when there was none.
     */
    public String responseBody() {
        return responseBody;
    }

    /** The pause the server asked for in {@code Retry-After}, if it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
