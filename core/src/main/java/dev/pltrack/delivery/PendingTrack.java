package dev.pltrack.delivery;

import dev.pltrack.client.PromptLayerException;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.client.TrackResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One request id's metadata on its way to PromptLayer, with its state. At most one call per request
 * id is under way: tracks that arrive while it is being sent wait in a single {@code successor},
 * which is sent after it, so a later value never loses to an earlier one. Every mutable field is
 * guarded by this object's monitor.
 */
final class PendingTrack {

    private enum State { WAITING, SENDING, DONE }

    /** {@link #merge} answer: being sent, no successor yet; create one (it takes room) and offer it. */
    static final PendingTrack NEEDS_SUCCESSOR = new PendingTrack();
    /** {@link #merge} answer: this track has finished; look the request id up again. */
    static final PendingTrack FINISHED = new PendingTrack();

    final long requestId;
    final long firstSubmittedNanos;
    private Map<String, String> metadata;
    private boolean ownsMetadata;
    private State state = State.WAITING;
    private PendingTrack successor;
    private int attempts;
    private CompletableFuture<TrackResult> future;
    private Object outcome;
    private ScheduledFuture<?> retryTask;
    private long retryDueNanos;
    private PromptLayerException lastFailure;
    private PendingTrack foldedInto;

    private PendingTrack() {
        this.requestId = 0;
        this.firstSubmittedNanos = 0;
    }

    PendingTrack(TrackRequest request, long nowNanos) {
        this.requestId = request.requestId();
        this.metadata = request.metadata();
        this.firstSubmittedNanos = nowNanos;
    }

    /**
     * Merges {@code more} into this track while it waits, or into its successor while it is being
     * sent; attaches {@code offered} (which holds room) as the successor when there is none yet.
     *
     * @return the track that now carries {@code more} ({@code offered} if it was attached), or
     *         {@link #NEEDS_SUCCESSOR}, or {@link #FINISHED}
     */
    synchronized PendingTrack merge(Map<String, String> more, PendingTrack offered) {
        switch (state) {
            case WAITING:
                putAll(more);
                return this;
            case SENDING:
                if (successor != null) {
                    successor.mergeWhileWaiting(more);
                    return successor;
                }
                if (offered == null) {
                    return NEEDS_SUCCESSOR;
                }
                successor = offered;
                return offered;
            default:
                return FINISHED;
        }
    }

    private synchronized void mergeWhileWaiting(Map<String, String> more) {
        putAll(more);
    }

    private void putAll(Map<String, String> more) {
        if (!ownsMetadata) {
            metadata = new LinkedHashMap<>(metadata);
            ownsMetadata = true;
        }
        metadata.putAll(more);
    }

    /** Starts an attempt: the request to send, or {@code null} if this track was given up meanwhile. */
    synchronized TrackRequest beginAttempt() {
        if (state == State.DONE) {
            return null;
        }
        state = State.SENDING;
        attempts++;
        retryTask = null;
        return TrackRequest.of(requestId, metadata);
    }

    synchronized int attempts() {
        return attempts;
    }

    synchronized TrackRequest snapshot() {
        return TrackRequest.of(requestId, metadata);
    }

    /**
     * After a failed attempt that will be retried: makes this track mergeable again and folds its
     * successor into it (the successor's values are newer, so they win).
     *
     * @return the successor folded in, whose room the caller must free, or {@code null}, or
     *         {@link #FINISHED} if this track was given up meanwhile (at shutdown)
     */
    synchronized PendingTrack awaitRetry(PromptLayerException failure) {
        if (state == State.DONE) {
            return FINISHED;
        }
        state = State.WAITING;
        lastFailure = failure;
        PendingTrack folded = successor;
        successor = null;
        if (folded != null) {
            putAll(folded.foldInto(this));
        }
        return folded;
    }

    /** Ends this successor by handing its metadata and its observers to {@code head}. */
    private synchronized Map<String, String> foldInto(PendingTrack head) {
        state = State.DONE;
        foldedInto = head;
        if (future != null) {
            CompletableFuture<TrackResult> followers = future;
            head.observe().whenComplete((result, failed) -> {
                if (failed != null) {
                    followers.completeExceptionally(failed);
                } else {
                    followers.complete(result);
                }
            });
        }
        return metadata;
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

    /**
     * Ends this track with {@code result} (a {@link TrackResult} or a {@link PromptLayerException}).
     *
     * @return false if it had already ended (given up at shutdown while its call was under way)
     */
    synchronized boolean finish(Object result) {
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

    /** Completes the futures of everyone who asked for one. Call after {@link #finish}, outside locks. */
    void completeObservers() {
        CompletableFuture<TrackResult> observed;
        Object result;
        synchronized (this) {
            observed = future;
            result = outcome;
        }
        if (observed != null) {
            complete(observed, result);
        }
    }

    /** A future of its own for one submitter; completing it does not affect others. */
    CompletableFuture<TrackResult> observe() {
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

    private static void complete(CompletableFuture<TrackResult> future, Object result) {
        if (result instanceof TrackResult delivered) {
            future.complete(delivered);
        } else {
            future.completeExceptionally((Throwable) result);
        }
    }
}
