package dev.pltrack.client;

/**
 * No answer arrived: the connection failed, broke, or a timeout ran out. Retried with backoff.
 * The cause is the underlying {@link java.io.IOException}.
 */
public class PromptLayerTransportException extends PromptLayerException {

    public PromptLayerTransportException(boolean timeout, String message, Throwable cause) {
        super(timeout ? FailureReason.TIMEOUT : FailureReason.NETWORK, message, cause);
    }

    /** Whether a connect or read timeout ran out (as opposed to a refused or broken connection). */
    public boolean isTimeout() {
        return reason() == FailureReason.TIMEOUT;
    }
}
