package dev.pltrack.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs a recurring warning at most once per interval, saying how many were left out since the last
 * line, so that an overload or an outage cannot flood the log. Cheap when suppressed: one counter
 * increment and one volatile read.
 */
public final class RateLimitedLog {

    private final Logger logger;
    private final LongSupplier clock;
    private final long intervalNanos;
    private final AtomicLong nextLineAt;
    private final LongAdder suppressed = new LongAdder();

    public RateLimitedLog(Logger logger, long interval, TimeUnit unit) {
        this(logger, interval, unit, System::nanoTime);
    }

    /** @param clock nanoseconds, as {@link System#nanoTime()} counts them: tests step it by hand */
    RateLimitedLog(Logger logger, long interval, TimeUnit unit, LongSupplier clock) {
        this.logger = logger;
        this.clock = clock;
        this.intervalNanos = unit.toNanos(interval);
        this.nextLineAt = new AtomicLong(clock.getAsLong());
    }

    /**
     * Logs at WARN unless a line was logged less than one interval ago.
     *
     * @param message builds the line from the number of occurrences left out before this one
     */
    public void warn(LongFunction<String> message) {
        long now = clock.getAsLong();
        long due = nextLineAt.get();
        if (now - due < 0 || !nextLineAt.compareAndSet(due, now + intervalNanos)) {
            suppressed.increment();
            return;
        }
        if (logger.isWarnEnabled()) {
            logger.warn(message.apply(suppressed.sumThenReset()));
        }
    }
}
