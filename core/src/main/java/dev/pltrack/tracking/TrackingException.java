package dev.pltrack.tracking;

import dev.pltrack.client.FailureReason;
import dev.pltrack.client.PromptLayerException;

/**
 * In {@link TrackingConfig#strict() strict} mode only: an annotated call could not be tracked (no
 * request id, invalid metadata, a misused annotation, or the delivery engine refused it). Thrown after
 * the method ran; when the method itself threw, this is added to its exception as suppressed instead.
 */
public final class TrackingException extends PromptLayerException {

    TrackingException(FailureReason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
