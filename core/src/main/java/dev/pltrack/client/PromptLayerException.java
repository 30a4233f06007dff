package dev.pltrack.client;

import java.util.Objects;

/**
 * Base of every failure pltrack reports. Messages never contain the API key: texts that come from
 * the server are redacted before they reach an exception.
 */
public class PromptLayerException extends RuntimeException {

    private final FailureReason reason;

    public PromptLayerException(FailureReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public PromptLayerException(FailureReason reason, String message) {
        this(reason, message, null);
    }

    public FailureReason reason() {
        return reason;
    }

    /** Whether sending the same request again may succeed (429, 5xx, network failures and timeouts). */
    public boolean isRetryable() {
        return reason.isRetryable();
    }
}
