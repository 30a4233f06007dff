package dev.pltrack.delivery;

import dev.pltrack.client.FollowUp;
import dev.pltrack.client.LogRequest;
import dev.pltrack.client.PromptLayerException;
import dev.pltrack.client.PromptLayerResult;
import dev.pltrack.client.Submission;
import dev.pltrack.client.TrackRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One submission on its way to PromptLayer, with its state: a request id's metadata (the common
 * case, hence the name), a score, a prompt link, or a log. Every mutable field is guarded by this
 * object's monitor; a head's monitor is always taken before its successor's.
 *
 * <pre>
 *                merge: keys folded in
 *                  +------+
 *                  v      |
 *  admitted --> WAITING --+--(dispatched)--> SENDING --(answer)--> DONE: delivered
 *                  ^                           |  |
 *                  |   retryable failure,      |  +--(refused, retries out, engine closed)--> DONE: failed
 *                  +---- retry pause ----------+      (to the dead-letter handler, once)
 *                  |     (successor folded in)
 *                  |                              WAITING --(older than max-age)--> DONE: failed, EXPIRED
 *                  +---- failed during an outage: back in the ready queue at once, the attempt not
 *                        counted against max-attempts (successor folded in); sent when a probe
 *                        finds PromptLayer again ({@link Outage})
 *
 *  While SENDING, later tracks for the same id wait in one successor (a PendingTrack of its own, in
 *  WAITING), sent once this one is DONE. A failure that will be retried folds the successor back into
 *  this track (its keys are newer and win), so that one id never has two calls under way and an
 *  older value never overwrites a newer one.
 *
 *  Merging by kind ({@link DeliveryKey}): metadata merges key by key, later winning; a later score of
 *  the same name or a later prompt link replaces the earlier. A log has no successor: what is
 *  addressed to it while WAITING folds into it ({@link #foldIntoLog}: metadata, the default score),
 *  everything else waits for its id in {@link LogFollowUps}.
 * </pre>
 */
final class PendingTrack {

    private enum State { WAITING, SENDING, DONE }

    /** What {@link #merge} did with the keys it was given. */
    sealed interface Merge permits Merge.CarriedBy, Merge.NeedsSuccessor, Merge.AlreadyDone {
        /** The keys travel with {@code carrier}: this track, its successor, or the one offered. */
        record CarriedBy(PendingTrack carrier) implements Merge {
        }

        /** This track is being sent and has no successor yet: offer one (it takes room). */
        record NeedsSuccessor() implements Merge {
        }

        /** This track has finished: look the request id up again. */
        record AlreadyDone() implements Merge {
        }
    }

    /** What {@link #awaitRetry} found. */
    enum RetryPreparation {
        /** Ready to be sent again. */
        READY,
        /** Ready, and a successor was folded into it: its room is free now. */
        READY_WITH_SUCCESSOR_FOLDED,
        /** Given up meanwhile (at shutdown): do not schedule. */
        ALREADY_DONE
    }

    /** How a track ended. */
    sealed interface Outcome permits Outcome.Delivered, Outcome.Failed {
        record Delivered(PromptLayerResult result) implements Outcome {
        }

        record Failed(PromptLayerException failure) implements Outcome {
        }
    }

    private static final Merge NEEDS_SUCCESSOR = new Merge.NeedsSuccessor();
    private static final Merge ALREADY_DONE = new Merge.AlreadyDone();

    final DeliveryKey key;
    final long firstSubmittedNanos;
    /** For a log: what waits for its request id; else {@code null}. */
    final LogFollowUps followUps;
    /** The latest submission; for metadata and logs, without what was merged into {@link #metadata}. */
    private Submission base;
    /** Metadata and logs: the merged metadata, copied from the base's on the first merge. */
    private Map<String, String> metadata;
    private boolean ownsMetadata;
    /** A log's default score, folded in after it was built; else {@code null}. */
    private Integer foldedScore;
    /** A log's holds: while positive it is not ready to send ({@link #hold}). */
    private int holds;
    private State state = State.WAITING;
    private PendingTrack successor;
    private int attempts;
    private int attemptsInOutage;
    private CompletableFuture<PromptLayerResult> future;
    private Outcome outcome;
    private ScheduledFuture<?> retryTask;
    private long retryDueNanos;
    private PromptLayerException lastFailure;
    private PendingTrack foldedInto;
    private final Merge carriedByThis = new Merge.CarriedBy(this);

    PendingTrack(Submission submission, DeliveryKey key, long nowNanos) {
        this(submission, key, nowNanos, null);
    }

    /** A log's pending track, with what waits for its id. */
    PendingTrack(LogRequest log, DeliveryKey key, long nowNanos, LogFollowUps followUps) {
        this((Submission) log, key, nowNanos, followUps);
    }

    private PendingTrack(Submission submission, DeliveryKey key, long nowNanos, LogFollowUps followUps) {
        this.key = key;
        this.base = submission;
        this.metadata = submission instanceof TrackRequest track ? track.metadata()
                : submission instanceof LogRequest log ? log.metadata() : null;
        this.firstSubmittedNanos = nowNanos;
        this.followUps = followUps;
    }

    /**
     * Merges {@code newer} (of the same key) into this track while it waits, or into its successor
     * while it is being sent; attaches {@code offered} (which holds room) as the successor when there
     * is none yet.
     */
    synchronized Merge merge(Submission newer, PendingTrack offered) {
        switch (state) {
            case WAITING:
                absorb(newer);
                return carriedByThis;
            case SENDING:
                if (successor != null) {
                    successor.mergeWhileWaiting(newer);
                    return successor.carriedByThis;
                }
                if (offered == null) {
                    return NEEDS_SUCCESSOR;
                }
                successor = offered;
                return offered.carriedByThis;
            default:
                return ALREADY_DONE;
        }
    }

    private synchronized void mergeWhileWaiting(Submission newer) {
        absorb(newer);
    }

    /** Newer metadata merges key by key; a newer score or prompt link replaces this one's. */
    private void absorb(Submission newer) {
        if (newer instanceof TrackRequest track) {
            putAll(track.metadata());
        } else {
            base = newer;
        }
    }

    /**
     * Holds a new log back from the ready queue for {@code count} holders, each of which releases it
     * once ({@link #releaseHold}).
     *
     * @return false if it was given up meanwhile (at shutdown): nothing to hold
     */
    synchronized boolean hold(int count) {
        if (state == State.DONE) {
            return false;
        }
        holds += count;
        return true;
    }

    /** Ends one hold; true when it was the last and the log is to be made ready now. */
    synchronized boolean releaseHold() {
        if (holds == 0) {
            return false;
        }
        holds--;
        return holds == 0 && state == State.WAITING;
    }

    /**
     * Folds metadata or the default score addressed to this log into it, if it has not been sent yet.
     *
     * @return false if it is being sent or has ended: the follow-up must wait for the id instead
     */
    synchronized boolean foldIntoLog(FollowUp followUp) {
        if (state != State.WAITING) {
            return false;
        }
        if (followUp instanceof FollowUp.Metadata more) {
            putAll(more.metadata());
            return true;
        }
        if (followUp instanceof FollowUp.Score score && score.isDefault()) {
            foldedScore = score.score();
            return true;
        }
        return false;
    }

    private void putAll(Map<String, String> more) {
        if (!ownsMetadata) {
            metadata = new LinkedHashMap<>(metadata);
            ownsMetadata = true;
        }
        metadata.putAll(more);
    }

    /** Starts an attempt: the request to send, or {@code null} if this track was given up meanwhile. */
    synchronized Submission beginAttempt() {
        if (state == State.DONE) {
            return null;
        }
        state = State.SENDING;
        attempts++;
        retryTask = null;
        return current();
    }

    /** The submission with everything merged in; the base itself when nothing was. */
    private Submission current() {
        if (base instanceof TrackRequest track) {
            return ownsMetadata ? TrackRequest.of(track.requestId(), metadata) : track;
        }
        if (base instanceof LogRequest log && (ownsMetadata || foldedScore != null)) {
            LogRequest.Builder folded = log.toBuilder().metadata(metadata);
            if (foldedScore != null) {
                folded.score(foldedScore);
            }
            return folded.build();
        }
        return base;
    }

    /** Every attempt made, as the track's result and dead letter report them. */
    synchronized int attempts() {
        return attempts;
    }

    /** The attempts that count against the retry policy: those not made during an outage. */
    synchronized int budgetedAttempts() {
        return attempts - attemptsInOutage;
    }

    /** Whether this track has been pending for longer than {@code maxAgeNanos}. */
    boolean olderThan(long maxAgeNanos, long nowNanos) {
        return nowNanos - firstSubmittedNanos - maxAgeNanos > 0;
    }

    /**
     * After an attempt that failed during an outage: waits again, as for a retry, but the attempt is
     * given back to the retry budget: the outage, not this track, made it fail.
     */
    synchronized RetryPreparation holdForOutage(PromptLayerException failure) {
        RetryPreparation preparation = awaitRetry(failure);
        if (preparation != RetryPreparation.ALREADY_DONE) {
            attemptsInOutage++;
        }
        return preparation;
    }

    synchronized Submission snapshot() {
        return current();
    }

    /**
     * After a failed attempt that will be retried: makes this track mergeable again and folds its
     * successor into it (the successor's values are newer, so they win).
     */
    synchronized RetryPreparation awaitRetry(PromptLayerException failure) {
        if (state == State.DONE) {
            return RetryPreparation.ALREADY_DONE;
        }
        state = State.WAITING;
        lastFailure = failure;
        PendingTrack folded = successor;
        successor = null;
        if (folded == null) {
            return RetryPreparation.READY;
        }
        absorb(folded.foldInto(this));
        return RetryPreparation.READY_WITH_SUCCESSOR_FOLDED;
    }

    /** Ends this successor by handing what it carries and its observers to {@code head}. */
    private synchronized Submission foldInto(PendingTrack head) {
        state = State.DONE;
        foldedInto = head;
        if (future != null) {
            CompletableFuture<PromptLayerResult> followers = future;
            head.observe().whenComplete((result, failed) -> {
                if (failed != null) {
                    followers.completeExceptionally(failed);
                } else {
                    followers.complete(result);
                }
            });
        }
        return current();
    }

    synchronized void retryScheduled(ScheduledFuture<?> task, long dueNanos) {
        if (state == State.WAITING) {
            retryTask = task;
            retryDueNanos = dueNanos;
        }
    }

    /** Whether a retry is scheduled to run after {@code deadlineNanos}. */
    synchronized boolean retryDueAfter(long deadlineNanos) {
        return retryTask != null && retryDueNanos - deadlineNanos > 0;
    }

    synchronized void noteFailure(PromptLayerException failure) {
        lastFailure = failure;
    }

    synchronized PromptLayerException lastFailure() {
        return lastFailure;
    }

    /** Cancels a scheduled retry; true if it had not run yet. */
    synchronized boolean cancelRetry() {
        boolean cancelled = retryTask != null && retryTask.cancel(false);
        retryTask = null;
        return cancelled;
    }

    /** Ends this track delivered; false if it had already ended (given up at shutdown meanwhile). */
    boolean delivered(PromptLayerResult result) {
        return finish(new Outcome.Delivered(result));
    }

    /** Ends this track failed; false if it had already ended. */
    boolean failed(PromptLayerException failure) {
        return finish(new Outcome.Failed(failure));
    }

    private synchronized boolean finish(Outcome result) {
        if (state == State.DONE) {
            return false;
        }
        state = State.DONE;
        outcome = result;
        return true;
    }

    /** The successor to send next, taken once this track has finished. */
    synchronized PendingTrack takeSuccessor() {
        PendingTrack next = successor;
        successor = null;
        return next;
    }

    /** Completes the futures of everyone who asked for one. Call after finishing, outside locks. */
    void completeObservers() {
        CompletableFuture<PromptLayerResult> observed;
        Outcome result;
        synchronized (this) {
            observed = future;
            result = outcome;
        }
        if (observed != null) {
            complete(observed, result);
        }
    }

    /** A future of its own for one submitter; completing it does not affect others. */
    CompletableFuture<PromptLayerResult> observe() {
        PendingTrack head;
        synchronized (this) {
            head = foldedInto;
            if (head == null) {
                if (future == null) {
                    future = new CompletableFuture<>();
                    if (outcome != null) {
                        complete(future, outcome);
                    }
                }
                return future.copy();
            }
        }
        // Outside this monitor: the head's monitor is always taken before a successor's.
        return head.observe();
    }

    private static void complete(CompletableFuture<PromptLayerResult> future, Outcome result) {
        if (result instanceof Outcome.Delivered delivered) {
            future.complete(delivered.result());
        } else {
            future.completeExceptionally(((Outcome.Failed) result).failure());
        }
    }
}
