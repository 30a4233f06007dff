package dev.pltrack.delivery;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tracks ready to send, and the senders waiting for them. Waking a parked thread costs the waker a
 * system call of several microseconds, more than the rest of an annotated call, so a caller's
 * {@link #offer} does not wake anyone unless work piles up ({@value #WAKE_THRESHOLD} tracks): idle
 * senders look again on their own at least every {@code linger}. With a zero linger every offer wakes
 * a sender (lowest latency, the caller pays the wake-up). Senders block in between, never spin.
 */
final class SenderQueue {

    static final int WAKE_THRESHOLD = 16;

    private final ConcurrentLinkedQueue<PendingTrack> items = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final long lingerNanos;

    SenderQueue(long lingerNanos) {
        this.lingerNanos = lingerNanos;
    }

    /** From a caller's thread: wakes a sender only when tracks pile up (or linger is zero). */
    void offer(PendingTrack track) {
        items.add(track);
        if (size.incrementAndGet() >= WAKE_THRESHOLD || lingerNanos == 0) {
            wakeOne();
        }
    }

    /** From the engine's own threads (a retry coming due): wakes a sender at once. */
    void offerNow(PendingTrack track) {
        items.add(track);
        size.incrementAndGet();
        wakeOne();
    }

    /** Makes every waiting sender look now (flush, close). */
    void wakeAll() {
        lock.lock();
        try {
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The next track, waiting as long as it takes; interrupting the sender ends the wait. */
    PendingTrack take() throws InterruptedException {
        while (true) {
            PendingTrack next = items.poll();
            if (next != null) {
                size.decrementAndGet();
                return next;
            }
            lock.lockInterruptibly();
            try {
                // Counted before looking again, so that an offer made after the look sees a waiter to wake.
                waiting.incrementAndGet();
                if (items.isEmpty()) {
                    if (lingerNanos > 0) {
                        arrived.awaitNanos(lingerNanos);
                    } else {
                        arrived.await();
                    }
                }
            } finally {
                waiting.decrementAndGet();
                lock.unlock();
            }
        }
    }

    int size() {
        return size.get();
    }

    private void wakeOne() {
        if (waiting.get() > 0) {
            lock.lock();
            try {
                arrived.signal();
            } finally {
                lock.unlock();
            }
        }
    }

}
