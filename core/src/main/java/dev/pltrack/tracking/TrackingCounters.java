package dev.pltrack.tracking;

import java.util.concurrent.atomic.LongAdder;

/** What became of annotated calls, counted without contention; {@link #snapshot()} reads them. */
final class TrackingCounters {

    final LongAdder tracked = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder noRequestId = new LongAdder();
    final LongAdder invalid = new LongAdder();
    final LongAdder misused = new LongAdder();
    final LongAdder unconvertible = new LongAdder();
    final LongAdder errors = new LongAdder();

    TrackingStats snapshot() {
        return new TrackingStats(tracked.sum(), refused.sum(), noRequestId.sum(), invalid.sum(), misused.sum(),
                unconvertible.sum(), errors.sum());
    }
}
