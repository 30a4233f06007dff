package dev.pltrack.delivery;

import dev.pltrack.client.PromptLayerException;
import dev.pltrack.client.PromptLayerResult;
import dev.pltrack.client.Submission;
import java.time.Duration;

/**
 * Hears what the engine does, for metrics or tracing beyond {@link DeliveryStats}. Every method has
 * a no-op default. Called on engine threads, except {@link #rejected}, which runs in the submitting
 * thread: keep implementations short and non-blocking; an exception thrown is logged and ignored.
 */
public interface DeliveryListener {

    /**
     * PromptLayer stored the submission (a {@link dev.pltrack.client.TrackResult}, or a
     * {@link dev.pltrack.client.LoggedRequest} for a log); {@code latency} runs from the first
     * submission merged into it.
     */
    default void delivered(PromptLayerResult result, Duration latency) {
    }

    /** An attempt failed and another is scheduled after {@code delay}. */
    default void retrying(Submission submission, PromptLayerException failure, Duration delay) {
    }

    /** The submission was given up and handed to the dead-letter handler. */
    default void failed(DeadLetter letter) {
    }

    /** A submission was refused (queue full or engine closed). */
    default void rejected(Submission submission, PromptLayerException refusal) {
    }
}
