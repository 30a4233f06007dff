package dev.pltrack.delivery;

/** What {@link DeliveryEngine#track} does when the queue holds {@code queue-capacity} tracks already. */
public enum OverflowPolicy {
    /**
     * Refuse the new track at once: the caller never waits. The refusal is counted, its future fails
     * with {@link TrackRejectedException}, and a rate-limited warning is logged. The default.
     */
    DROP_NEWEST,
    /**
     * Wait up to {@code promptlayer.delivery.block-timeout} for room, then refuse as
     * {@link #DROP_NEWEST} does. Trades caller latency for fewer losses.
     */
    BLOCK
}
