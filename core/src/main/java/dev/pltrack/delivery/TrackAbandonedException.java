package dev.pltrack.delivery;

import dev.pltrack.client.FailureReason;
import dev.pltrack.client.PromptLayerException;

/**
 * The engine was closed and its shutdown timeout ran out before this track could be delivered. The
 * track was handed to the {@link DeadLetterHandler}.
 */
public final class TrackAbandonedException extends PromptLayerException {

    TrackAbandonedException(String message, Throwable lastFailure) {
        super(FailureReason.SHUTDOWN_TIMEOUT, message, lastFailure);
    }
}
