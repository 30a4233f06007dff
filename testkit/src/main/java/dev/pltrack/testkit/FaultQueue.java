package dev.pltrack.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Faults waiting for the next requests, first in first out. A fault aimed at one endpoint waits
 * for a request to that endpoint; requests to other endpoints pass it by. {@code failNext(100_000,
 * f)} is one entry, not 100 000. Not thread-safe: {@link Ledger} guards it.
 */
final class FaultQueue {

    private static final class Batch {
        final Endpoint target;
        final Fault fault;
        int remaining;

        Batch(Endpoint target, Fault fault, int remaining) {
            this.target = target;
            this.fault = fault;
            this.remaining = remaining;
        }

        boolean appliesTo(Endpoint endpoint) {
            return target == null || target == endpoint;
        }
    }

    private final Deque<Batch> batches = new ArrayDeque<>();

    /** @param target the endpoint the fault is for, or null for whichever request comes next */
    void add(Endpoint target, int times, Fault fault) {
        if (times > 0) {
            batches.addLast(new Batch(target, fault, times));
        }
    }

    /** The fault for the next request to {@code endpoint}, or null when none is queued for it. */
    Fault poll(Endpoint endpoint) {
        Iterator<Batch> queued = batches.iterator();
        while (queued.hasNext()) {
            Batch batch = queued.next();
            if (batch.appliesTo(endpoint)) {
                if (--batch.remaining == 0) {
                    queued.remove();
                }
                return batch.fault;
            }
        }
        return null;
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
