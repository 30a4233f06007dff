package dev.pltrack.delivery;

import dev.pltrack.client.FailureReason;
import dev.pltrack.client.PromptLayerException;
import dev.pltrack.client.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Whether PromptLayer is down for everyone rather than failing one track: the engine's outage mode.
 *
 * <pre>
 *              {@value #THRESHOLD} answers in a row say "unreachable"
 *   NORMAL ------------------------------------------------------------> OUTAGE
 *     ^                                                                  |  ^
 *     |        any other answer (2xx, 4xx, 429): PromptLayer is there    |  | the probe failed too:
 *     +------------------------------------------------------------------+  | next probe after a
 *                                                                        +--+ longer pause
 * </pre>
 *
 * "Unreachable" is a refused or broken connection, a timeout or a 5xx. In an outage nothing is sent
 * but one probe at a time (a real pending track), after a pause that doubles from the retry policy's
 * initial backoff up to {@link #MAX_PROBE_INTERVAL}; tracks wait in the bounded queue meanwhile, and
 * their failed attempts do not count against {@code promptlayer.retry.max-attempts}, so an outage
 * shorter than {@code promptlayer.delivery.max-age} loses nothing that fits in the queue.
 *
 * <p>Thread-safe. The healthy path (an answer while nothing failed) reads one atomic and writes nothing.
 */
final class Outage {

    /** Consecutive "unreachable" answers that make an outage: few, since a window sends many at once. */
    static final int THRESHOLD = 3;
    /** The longest pause between two probes: one small request every few seconds costs nothing. */
    static final Duration MAX_PROBE_INTERVAL = Duration.ofSeconds(5);

    /** What an answer changed. */
    enum Transition {
        NONE,
        /** The outage began: schedule the first probe. */
        STARTED,
        /** PromptLayer answered: send everything that waited. */
        ENDED,
        /** The probe failed: schedule the next one. */
        PROBE_FAILED
    }

    private final RetryPolicy backoff;
    private final Clock clock;
    private final AtomicInteger unreachableInARow = new AtomicInteger();
    private final LongAdder outages = new LongAdder();
    private volatile boolean active;
    private volatile Instant since;
    private boolean probeInFlight;
    private boolean probeDue;
    private int probesFailed;

    Outage(RetryPolicy backoff, Clock clock) {
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Whether a failure says PromptLayer cannot be reached or is failing, rather than refusing this track. */
    static boolean saysUnreachable(PromptLayerException failure) {
        FailureReason reason = failure.reason();
        return reason == FailureReason.NETWORK || reason == FailureReason.TIMEOUT || reason == FailureReason.SERVER_ERROR;
    }

    /**
     * Learns from one answer.
     *
     * @param unreachable what {@link #saysUnreachable} said of its failure; false for a success
     * @param probe       whether it answered the probe
     */
    Transition answered(boolean unreachable, boolean probe) {
        if (!unreachable) {
            if (unreachableInARow.get() != 0) {
                unreachableInARow.set(0);
            }
            return active ? end() : Transition.NONE;
        }
        int inARow = unreachableInARow.incrementAndGet();
        synchronized (this) {
            if (!active) {
                if (inARow < THRESHOLD) {
                    return Transition.NONE;
                }
                active = true;
                since = clock.instant();
                outages.increment();
                probesFailed = 0;
                probeDue = false;
                probeInFlight = false;
                return Transition.STARTED;
            }
            if (probe && probeInFlight) {
                probeInFlight = false;
                probesFailed++;
                return Transition.PROBE_FAILED;
            }
            return Transition.NONE;
        }
    }

    private synchronized Transition end() {
        if (!active) {
            return Transition.NONE;
        }
        active = false;
        probeInFlight = false;
        probeDue = false;
        return Transition.ENDED;
    }

    boolean isActive() {
        return active;
    }

    /** The pause before the next probe: doubling from the initial backoff, with jitter, capped. */
    synchronized Duration nextProbeDelay() {
        Duration pause = backoff.backoffAfter(probesFailed + 1);
        return pause.compareTo(MAX_PROBE_INTERVAL) > 0 ? MAX_PROBE_INTERVAL : pause;
    }

    /** The probe's pause is over (or the engine is closing and wants to know now). */
    synchronized void probeDue() {
        if (active) {
            probeDue = true;
        }
    }

    /**
     * Claims the one probe of this moment.
     *
     * @return true when sending is allowed (no outage, or the caller now holds the probe); false when
     *         the engine must not send
     */
    synchronized boolean mayProbe() {
        if (!probeDue || probeInFlight) {
            return false;
        }
        probeDue = false;
        probeInFlight = true;
        return true;
    }

    /** A claimed probe that was not sent (nothing to send, no slot): the next dispatch may try again. */
    synchronized void probeNotSent() {
        if (active && probeInFlight) {
            probeInFlight = false;
            probeDue = true;
        }
    }

    /** When the outage in force began; empty when PromptLayer is reachable. */
    Optional<Instant> since() {
        Instant began = since;
        return active && began != null ? Optional.of(began) : Optional.empty();
    }

    long outages() {
        return outages.sum();
    }
}
