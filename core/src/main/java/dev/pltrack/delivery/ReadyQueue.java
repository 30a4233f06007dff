package dev.pltrack.delivery;

import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Tracks ready to send, and the parking place of the engine's one dispatcher thread. Waking a parked
 * thread costs the waker a system call of several microseconds, more than the rest of an annotated
 * call, so a caller's {@link #offer} does not wake the dispatcher unless work piles up
 * ({@value #WAKE_THRESHOLD} tracks) or linger is zero; the idle dispatcher looks again on its own at
 * least every {@code linger}. Under load it does not park at all: answers coming back send the next
 * tracks (see {@link DeliveryEngine}).
 */
final class ReadyQueue {

    static final int WAKE_THRESHOLD = 16;

    private final ConcurrentLinkedQueue<PendingTrack> items = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final long lingerNanos;
    private volatile boolean parked;
    private boolean wakeUpPending;

    ReadyQueue(long lingerNanos) {
        this.lingerNanos = lingerNanos;
    }

    /**
     * @return whether the caller should wake the dispatcher: always with a zero linger (the wake-up
     *         is remembered, so a dispatcher about to park cannot miss it), and when work piles up
     *         while it is parked (one that is about to park looks again within linger)
     */
    boolean offer(PendingTrack track) {
        items.add(track);
        int queued = size.incrementAndGet();
        return lingerNanos == 0 || (queued >= WAKE_THRESHOLD && parked);
    }

    /** The next track, or {@code null} when there is none; never waits. */
    PendingTrack poll() {
        PendingTrack next = items.poll();
        if (next != null) {
            size.decrementAndGet();
        }
        return next;
    }

    int size() {
        return size.get();
    }

    /**
     * Takes out every track pending for longer than {@code maxAgeNanos} and hands it to {@code expired}.
     * Only the one dispatching thread may call it (as it alone polls), so no track is taken twice.
     */
    void removeOlderThan(long maxAgeNanos, long nowNanos, Consumer<PendingTrack> expired) {
        for (Iterator<PendingTrack> tracks = items.iterator(); tracks.hasNext(); ) {
            PendingTrack track = tracks.next();
            if (track.olderThan(maxAgeNanos, nowNanos)) {
                tracks.remove();
                size.decrementAndGet();
                expired.accept(track);
            }
        }
    }

    /** Forgets every queued track, once the engine has given them all up at shutdown. */
    void clear() {
        while (poll() != null) {
            // each poll keeps size exact
        }
    }

    /** Parks the dispatcher until woken or {@code linger} passes (until woken, with a zero linger). */
    void park() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            parked = true;
            if (!wakeUpPending) {
                if (lingerNanos > 0) {
                    wake.awaitNanos(lingerNanos);
                } else {
                    wake.await();
                }
            }
        } finally {
            wakeUpPending = false;
            parked = false;
            lock.unlock();
        }
    }

    /** Makes the dispatcher look now (or as soon as it next parks). */
    void wakeDispatcher() {
        lock.lock();
        try {
            wakeUpPending = true;
            wake.signal();
        } finally {
            lock.unlock();
        }
    }
}
