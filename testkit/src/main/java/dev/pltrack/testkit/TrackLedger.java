package dev.pltrack.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The fake's memory: what arrived, what was accepted, and the misbehaviour still to come.
 *
 * <p>One lock covers taking a queued fault and recording the request, so that sequence numbers,
 * fault order and recordings always agree, even with many clients at once. Waiting for recordings
 * uses a condition of that lock, not polling.
 */
final class TrackLedger {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition recorded = lock.newCondition();

    private final FaultQueue faults = new FaultQueue();
    private List<RecordedTrack> received = new ArrayList<>();
    private List<RecordedTrack> accepted = new ArrayList<>();

    /** Accepted tracks per request id, in arrival order; ids in order of first acceptance. */
    private Map<Long, List<RecordedTrack>> acceptedById = new LinkedHashMap<>();

    private long lastSequence;

    /** Read on every request; written rarely, so no lock. */
    private volatile Duration slowness = Duration.ZERO;

    private volatile Consumer<RecordedTrack> acceptedListener = track -> {};

    /**
     * Takes the next queued fault, records the request with the answer it gets, and returns that
     * answer.
     *
     * @param normal what a healthy server answers to this request
     */
    Answer decideAndRecord(
            Instant receivedAt,
            String rawBody,
            Map<String, List<String>> headers,
            TrackBody body,
            Answer normal) {
        Answer answer;
        RecordedTrack track;
        lock.lock();
        try {
            Fault fault = faults.poll();
            answer = (fault == null ? normal : fault.answerInsteadOf(normal)).delayedBy(slowness);
            track =
                    new RecordedTrack(
                            ++lastSequence,
                            receivedAt,
                            rawBody,
                            headers,
                            body.requestId(),
                            body.metadata(),
                            body.apiKey(),
                            answer.status(),
                            answer.accepted());
            received.add(track);
            if (track.accepted()) {
                accepted.add(track);
                acceptedById
                        .computeIfAbsent(track.requestId(), id -> new ArrayList<>(1))
                        .add(track);
            }
            recorded.signalAll();
        } finally {
            lock.unlock();
        }
        if (track.accepted()) {
            acceptedListener.accept(track);
        }
        return answer;
    }

    void failNext(int times, Fault fault) {
        lock.lock();
        try {
            faults.add(times, fault);
        } finally {
            lock.unlock();
        }
    }

    void respondSlowly(Duration delay) {
        slowness = delay;
    }

    void onAccepted(Consumer<RecordedTrack> listener) {
        acceptedListener = listener;
    }

    void reset() {
        lock.lock();
        try {
            // New lists rather than clear(): a run of 100 000 tracks should give its memory back.
            received = new ArrayList<>();
            accepted = new ArrayList<>();
            acceptedById = new LinkedHashMap<>();
            lastSequence = 0;
            faults.clear();
            slowness = Duration.ZERO;
        } finally {
            lock.unlock();
        }
    }

    List<RecordedTrack> received() {
        lock.lock();
        try {
            return List.copyOf(received);
        } finally {
            lock.unlock();
        }
    }

    List<RecordedTrack> accepted() {
        lock.lock();
        try {
            return List.copyOf(accepted);
        } finally {
            lock.unlock();
        }
    }

    int acceptedCount() {
        lock.lock();
        try {
            return accepted.size();
        } finally {
            lock.unlock();
        }
    }

    int receivedCount() {
        lock.lock();
        try {
            return received.size();
        } finally {
            lock.unlock();
        }
    }

    int queuedFaults() {
        lock.lock();
        try {
            return faults.size();
        } finally {
            lock.unlock();
        }
    }

    /** The accepted tracks of one request id, in arrival order. */
    List<RecordedTrack> acceptedFor(long requestId) {
        lock.lock();
        try {
            return List.copyOf(acceptedById.getOrDefault(requestId, List.of()));
        } finally {
            lock.unlock();
        }
    }

    /** What PromptLayer holds for the id: later tracks replace earlier values key by key. */
    Map<String, String> metadataFor(long requestId) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (RecordedTrack track : acceptedFor(requestId)) {
            merged.putAll(track.metadata());
        }
        return Collections.unmodifiableMap(merged);
    }

    Set<Long> trackedRequestIds() {
        lock.lock();
        try {
            return Collections.unmodifiableSet(new LinkedHashSet<>(acceptedById.keySet()));
        } finally {
            lock.unlock();
        }
    }

    List<RecordedTrack> awaitAccepted(int count, Duration timeout) {
        return await(count, timeout, () -> accepted, "accepted");
    }

    List<RecordedTrack> awaitReceived(int count, Duration timeout) {
        return await(count, timeout, () -> received, "received");
    }

    /** Blocks until {@code tracks} (read under the lock) holds {@code count}; returns a copy. */
    private List<RecordedTrack> await(
            int count, Duration timeout, Supplier<List<RecordedTrack>> tracks, String what) {
        long remaining = saturatedNanos(timeout);
        lock.lock();
        try {
            while (tracks.get().size() < count) {
                if (remaining <= 0) {
                    throw new AssertionError(
                            "Timed out after "
                                    + timeout
                                    + " waiting for "
                                    + count
                                    + " "
                                    + what
                                    + " track(s): expected at least "
                                    + count
                                    + ", actual "
                                    + tracks.get().size()
                                    + ". "
                                    + pendingFaultsNote()
                                    + System.lineSeparator()
                                    + TrackReport.describe(received));
                }
                remaining = recorded.awaitNanos(remaining);
            }
            return List.copyOf(tracks.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(
                    "Interrupted while waiting for " + count + " " + what + " track(s)", e);
        } finally {
            lock.unlock();
        }
    }

    private String pendingFaultsNote() {
        int pending = faults.size();
        return pending == 0 ? "" : pending + " queued fault(s) not yet used. ";
    }

    private static long saturatedNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
