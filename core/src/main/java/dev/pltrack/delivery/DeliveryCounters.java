package dev.pltrack.delivery;

import dev.pltrack.client.FailureReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The engine's counters: contention-free adders written on the hot path, read into a snapshot. */
final class DeliveryCounters {

    final LongAdder submitted = new LongAdder();
    final LongAdder coalesced = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LongAdder retried = new LongAdder();
    final AtomicInteger awaitingRetry = new AtomicInteger();
    private final Map<FailureReason, LongAdder> failed = adders();
    private final Map<FailureReason, LongAdder> rejected = adders();
    private final LongAdder latencyTotalNanos = new LongAdder();
    private final AtomicLong latencyMaxNanos = new AtomicLong();
    private final Clock clock;
    private volatile Instant lastFailureAt;
    private volatile FailureReason lastFailure;
    /** Orders deliveries and key refusals, so that health can tell which came last. */
    private final AtomicLong events = new AtomicLong();
    private volatile long lastDeliveryEvent;
    private volatile long lastKeyRefusalEvent;
    private volatile Instant lastKeyRefusedAt;

    DeliveryCounters(Clock clock) {
        this.clock = clock;
    }

    void delivered(long latencyNanos) {
        delivered.increment();
        latencyTotalNanos.add(latencyNanos);
        latencyMaxNanos.accumulateAndGet(latencyNanos, Math::max);
        lastDeliveryEvent = events.incrementAndGet();
    }

    void failed(FailureReason reason) {
        failed.get(reason).increment();
        lastFailure = reason;
        Instant now = clock.instant();
        lastFailureAt = now;
        if (reason == FailureReason.UNAUTHORIZED || reason == FailureReason.FORBIDDEN) {
            lastKeyRefusedAt = now;
            lastKeyRefusalEvent = events.incrementAndGet();
        }
    }

    void rejected(FailureReason reason) {
        rejected.get(reason).increment();
    }

    DeliveryStats snapshot(int queued, int pending, int capacity, SendWindow window, Outage outage) {
        Map<FailureReason, Long> failedByReason = sums(failed);
        Map<FailureReason, Long> rejectedByReason = sums(rejected);
        return new DeliveryStats(submitted.sum(), coalesced.sum(), delivered.sum(), total(failedByReason),
                failedByReason, total(rejectedByReason), rejectedByReason, retried.sum(), queued,
                awaitingRetry.get(), window.inFlight(), pending, capacity, Duration.ofNanos(latencyTotalNanos.sum()),
                Duration.ofNanos(latencyMaxNanos.get()), Optional.ofNullable(lastFailureAt),
                Optional.ofNullable(lastFailure), window.limit(), window.isPaused(), window.pauses(),
                window.decreases(), Optional.ofNullable(lastKeyRefusedAt),
                lastKeyRefusalEvent != 0 && lastDeliveryEvent > lastKeyRefusalEvent, outage.isActive(), outage.since(),
                outage.outages());
    }

    private static Map<FailureReason, LongAdder> adders() {
        Map<FailureReason, LongAdder> adders = new EnumMap<>(FailureReason.class);
        for (FailureReason reason : FailureReason.values()) {
            adders.put(reason, new LongAdder());
        }
        return adders;
    }

    private static Map<FailureReason, Long> sums(Map<FailureReason, LongAdder> adders) {
        Map<FailureReason, Long> sums = new EnumMap<>(FailureReason.class);
        adders.forEach((reason, adder) -> {
            long sum = adder.sum();
            if (sum > 0) {
                sums.put(reason, sum);
            }
        });
        return sums;
    }

    private static long total(Map<FailureReason, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
