package dev.pltrack.delivery;

import dev.pltrack.client.FailureReason;
import dev.pltrack.client.PromptLayerException;
import dev.pltrack.client.Submission;
import java.util.Objects;

/**
 * A submission the engine accepted but could not deliver: PromptLayer refused it, retries ran out,
 * the engine closed first, or (for what waited on a log) the log it waited for was not delivered.
 * Holds everything needed to send it again later.
 *
 * @param submission what was (or would have been) sent: a {@link dev.pltrack.client.TrackRequest}
 *                   with the merged metadata, a log with what folded into it, a score, a prompt
 *                   link, or an {@link dev.pltrack.client.AwaitingLog} with the log it waited for
 * @param failure    why it was given up; {@link PromptLayerException#reason()} groups it
 * @param attempts   how many HTTP calls were made for it (0 when it was never sent)
 */
public record DeadLetter(Submission submission, PromptLayerException failure, int attempts) {

    public DeadLetter {
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(failure, "failure");
    }

    public FailureReason reason() {
        return failure.reason();
    }

    /** What it was, its request and keys, reason and attempts; never a value, which may be personal data. */
    @Override
    public String toString() {
        return "DeadLetter{" + submission.summary() + ", reason=" + reason() + ", attempts=" + attempts + "}";
    }
}
