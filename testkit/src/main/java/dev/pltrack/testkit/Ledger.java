package dev.pltrack.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The fake's memory: what arrived at every endpoint, what PromptLayer would now hold, and the
 * misbehaviour still to come.
 *
 * <p>One lock covers taking a queued fault, giving a log its id and recording the request, so that
 * sequence numbers, ids, fault order and recordings always agree, even with many clients at once.
 * Waiting for recordings uses a condition of that lock, not polling.
 */
final class Ledger {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition recorded = lock.newCondition();

    private final FaultQueue faults = new FaultQueue();
    private CallJournal journal = new CallJournal();
    private RequestStore store;
    private long lastSequence;

    /** Read on every request; written rarely, so no lock. */
    private volatile Duration slowness = Duration.ZERO;

    private volatile Consumer<RecordedCall> acceptedListener = call -> {};

    /** @param firstRequestId the id of the first log the fake stores, and again after a reset */
    Ledger(long firstRequestId) {
        store = new RequestStore(firstRequestId);
    }

    /**
     * Takes the next queued fault for the endpoint, records the request with the answer it gets,
     * stores it if accepted, and returns that answer.
     *
     * @param healthyAnswer what a healthy server answers, given the id a log stored now would get
     */
    Answer decideAndRecord(
            Endpoint endpoint, Arrival arrival, ParsedBody body, LongFunction<Answer> healthyAnswer) {
        Answer answer;
        RecordedCall call;
        lock.lock();
        try {
            Fault fault = faults.poll(endpoint);
            long nextId = store.nextId();
            Answer normal = healthyAnswer.apply(nextId);
            answer = (fault == null ? normal : fault.answerInsteadOf(normal)).delayedBy(slowness);
            call = body.record(++lastSequence, arrival, answer, nextId);
            journal.add(call);
            if (call.accepted()) {
                store.keep(call);
            }
            recorded.signalAll();
        } finally {
            lock.unlock();
        }
        if (call.accepted()) {
            acceptedListener.accept(call);
        }
        return answer;
    }

    void failNext(Endpoint target, int times, Fault fault) {
        lock.lock();
        try {
            faults.add(target, times, fault);
        } finally {
            lock.unlock();
        }
    }

    void respondSlowly(Duration delay) {
        slowness = delay;
    }

    void onAccepted(Consumer<RecordedCall> listener) {
        acceptedListener = listener;
    }

    void reset() {
        lock.lock();
        try {
            // New collections rather than clear(): a run of 100 000 calls should give its memory
            // back.
            journal = new CallJournal();
            store = store.emptied();
            lastSequence = 0;
            faults.clear();
            slowness = Duration.ZERO;
        } finally {
            lock.unlock();
        }
    }

    List<RecordedCall> calls() {
        lock.lock();
        try {
            return List.copyOf(journal.all());
        } finally {
            lock.unlock();
        }
    }

    /** The calls to one endpoint, as that endpoint's record type. */
    <T extends RecordedCall> List<T> received(Endpoint endpoint, Class<T> type) {
        lock.lock();
        try {
            return copyAs(journal.received(endpoint), type);
        } finally {
            lock.unlock();
        }
    }

    <T extends RecordedCall> List<T> accepted(Endpoint endpoint, Class<T> type) {
        lock.lock();
        try {
            return copyAs(journal.accepted(endpoint), type);
        } finally {
            lock.unlock();
        }
    }

    int acceptedCount(Endpoint endpoint) {
        lock.lock();
        try {
            return journal.accepted(endpoint).size();
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

    Map<String, String> metadataFor(long requestId) {
        lock.lock();
        try {
            return store.metadataFor(requestId);
        } finally {
            lock.unlock();
        }
    }

    Map<String, Integer> scoresFor(long requestId) {
        lock.lock();
        try {
            return store.scoresFor(requestId);
        } finally {
            lock.unlock();
        }
    }

    Optional<RecordedPromptLink> promptLinkFor(long requestId) {
        lock.lock();
        try {
            return Optional.ofNullable(store.promptLinkFor(requestId));
        } finally {
            lock.unlock();
        }
    }

    Optional<RequestLog> loggedRequest(long requestId) {
        lock.lock();
        try {
            return Optional.ofNullable(store.loggedRequest(requestId));
        } finally {
            lock.unlock();
        }
    }

    Set<Long> trackedRequestIds() {
        lock.lock();
        try {
            return store.trackedIds();
        } finally {
            lock.unlock();
        }
    }

    Set<Long> loggedRequestIds() {
        lock.lock();
        try {
            return store.loggedIds();
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until {@code count} calls to the endpoint were accepted; returns them. */
    <T extends RecordedCall> List<T> awaitAccepted(
            Endpoint endpoint, int count, Duration timeout, Class<T> type) {
        return await(endpoint, true, count, timeout, type);
    }

    /** Blocks until {@code count} calls to the endpoint arrived, whatever their answer. */
    <T extends RecordedCall> List<T> awaitReceived(
            Endpoint endpoint, int count, Duration timeout, Class<T> type) {
        return await(endpoint, false, count, timeout, type);
    }

    private <T extends RecordedCall> List<T> await(
            Endpoint endpoint, boolean accepted, int count, Duration timeout, Class<T> type) {
        String what = (accepted ? "accepted " : "received ") + CallReport.noun(endpoint);
        long remaining = saturatedNanos(timeout);
        lock.lock();
        try {
            while (calls(endpoint, accepted).size() < count) {
                if (remaining <= 0) {
                    throw new AssertionError(
                            "Timed out after "
                                    + timeout
                                    + " waiting for "
                                    + count
                                    + " "
                                    + what
                                    + "(s): expected at least "
                                    + count
                                    + ", actual "
                                    + calls(endpoint, accepted).size()
                                    + ". "
                                    + pendingFaultsNote()
                                    + System.lineSeparator()
                                    + CallReport.describe(journal.all()));
                }
                remaining = recorded.awaitNanos(remaining);
            }
            return copyAs(calls(endpoint, accepted), type);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(
                    "Interrupted while waiting for " + count + " " + what + "(s)", e);
        } finally {
            lock.unlock();
        }
    }

    /** Read under the lock. */
    private List<RecordedCall> calls(Endpoint endpoint, boolean accepted) {
        return accepted ? journal.accepted(endpoint) : journal.received(endpoint);
    }

    private String pendingFaultsNote() {
        int pending = faults.size();
        return pending == 0 ? "" : pending + " queued fault(s) not yet used. ";
    }

    /** Each endpoint records one type, so the copy is of that type. */
    private static <T extends RecordedCall> List<T> copyAs(List<RecordedCall> calls, Class<T> type) {
        return calls.stream().map(type::cast).toList();
    }

    private static long saturatedNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
