package dev.pltrack.delivery;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests may be in flight to PromptLayer at once: an adaptive window between
 * {@code min-in-flight} and {@code max-in-flight}, and a pause that a {@code Retry-After} imposes on
 * every request, not only the one it came with.
 *
 * <p>The window is AIMD, as TCP's congestion window and Netflix's concurrency-limits' AIMD limit are:
 * <ul>
 *   <li>it starts at {@code max-in-flight} (PromptLayer is normally far from its limits, and a new
 *       engine should not ramp up in front of a queue);</li>
 *   <li>each healthy answer grows it by one while at least half of it is in use (an idle window
 *       proves nothing about capacity);</li>
 *   <li>an overload signal (429, 502-504, a timeout) halves it, at most once per round: signals from
 *       requests sent before the last decrease belong to the same congestion and do not shrink it
 *       again, so 64 answers of one 503 burst halve it once, not 64 times.</li>
 * </ul>
 * Thread-safe: acquiring a slot is a compare-and-set; limit changes take this object's monitor.
 */
final class SendWindow {

    /** What an answer says about PromptLayer's capacity. */
    enum Signal { HEALTHY, NEUTRAL, OVERLOAD }

    private final int min;
    private final int max;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final LongAdder decreases = new LongAdder();
    private final LongAdder pauses = new LongAdder();
    private volatile int limit;
    private volatile long pausedUntilNanos;
    private volatile boolean paused;
    private long lastDecreaseTicket;

    SendWindow(int min, int max) {
        this.min = min;
        this.max = max;
        this.limit = max;
    }

    /**
     * Takes a slot if the window has room and sending is not paused.
     *
     * @return the slot's ticket (positive, increasing), or 0 when there is no room now
     */
    long tryAcquire() {
        if (isPaused()) {
            return 0;
        }
        while (true) {
            int current = inFlight.get();
            if (current >= limit) {
                return 0;
            }
            if (inFlight.compareAndSet(current, current + 1)) {
                return sent.incrementAndGet();
            }
        }
    }

    /** Gives back a slot that was taken but not used for a request. */
    void cancel() {
        inFlight.decrementAndGet();
    }

    /** Gives back the slot of a request that ended, learning from how it ended. */
    void release(long ticket, Signal signal) {
        int before = inFlight.getAndDecrement();
        if (signal == Signal.HEALTHY) {
            if (limit < max && before * 2 >= limit) {
                synchronized (this) {
                    if (limit < max) {
                        limit++;
                    }
                }
            }
        } else if (signal == Signal.OVERLOAD) {
            synchronized (this) {
                if (ticket > lastDecreaseTicket) {
                    limit = Math.max(min, limit / 2);
                    lastDecreaseTicket = sent.get();
                    decreases.increment();
                }
            }
        }
    }

    /**
     * Stops all sending until {@code untilNanos} ({@link System#nanoTime()} time).
     *
     * @return whether this pause reaches further than the one already in force
     */
    synchronized boolean pauseUntil(long untilNanos) {
        if (isPaused() && untilNanos - pausedUntilNanos <= 0) {
            return false;
        }
        pausedUntilNanos = untilNanos;
        paused = true;
        pauses.increment();
        return true;
    }

    boolean isPaused() {
        if (!paused) {
            return false;
        }
        if (System.nanoTime() - pausedUntilNanos < 0) {
            return true;
        }
        paused = false;
        return false;
    }

    boolean hasRoom() {
        return !isPaused() && inFlight.get() < limit;
    }

    int limit() {
        return limit;
    }

    int inFlight() {
        return inFlight.get();
    }

    long decreases() {
        return decreases.sum();
    }

    long pauses() {
        return pauses.sum();
    }
}
