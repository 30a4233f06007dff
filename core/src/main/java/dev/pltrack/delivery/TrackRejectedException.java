package dev.pltrack.delivery;

import dev.pltrack.client.FailureReason;
import dev.pltrack.client.PromptLayerException;

/**
 * The engine refused a track when it was submitted: the queue was full ({@link FailureReason#QUEUE_FULL})
 * or the engine was closed ({@link FailureReason#ENGINE_CLOSED}). Nothing was sent; the refusal is
 * counted in {@link DeliveryStats#rejected()}.
 */
public final class TrackRejectedException extends PromptLayerException {

    TrackRejectedException(FailureReason reason, String message) {
        super(reason, message);
    }

    // Thrown in bulk under overload, where a stack trace per refusal would cost more than the track.
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
