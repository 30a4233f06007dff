package dev.pltrack.testkit;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Faults waiting for the next requests, first in first out. {@code failNext(100_000, f)} is one
 * entry, not 100 000. Not thread-safe: {@link TrackLedger} guards it.
 */
final class FaultQueue {

    private static final class Batch {
        final Fault fault;
        int remaining;

        Batch(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final Deque<Batch> batches = new ArrayDeque<>();

    void add(int times, Fault fault) {
        if (times > 0) {
            batches.addLast(new Batch(fault, times));
        }
    }

    /** The fault for the next request, or null when none is queued. */
    Fault poll() {
        Batch head = batches.peekFirst();
        if (head == null) {
            return null;
        }
        if (--head.remaining == 0) {
            batches.removeFirst();
        }
        return head.fault;
    }

    int size() {
        long total = 0;
        for (Batch batch : batches) {
            total += batch.remaining;
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    void clear() {
        batches.clear();
    }
}
