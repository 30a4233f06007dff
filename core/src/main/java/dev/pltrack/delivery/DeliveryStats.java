package dev.pltrack.delivery;

import dev.pltrack.client.FailureReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of the engine's counters (totals since it started) and gauges (now). Every submission
 * ends in exactly one of: coalesced into another, delivered, failed, rejected, or still pending, so
 * {@code submitted == coalesced + delivered + failed + pending} and rejected submissions are counted
 * on top of {@code submitted}.
 *
 * @param submitted        tracks accepted by {@link DeliveryEngine#track}
 * @param coalesced        submissions merged into a track for the same request id that was still waiting
 * @param delivered        HTTP calls PromptLayer accepted
 * @param failed           tracks given up (PromptLayer refused them, retries ran out, or the engine
 *                         closed first); each one went to the dead-letter handler
 * @param failedByReason   {@code failed}, split by reason
 * @param rejected         submissions refused: queue full or engine closed
 * @param rejectedByReason {@code rejected}, split by reason
 * @param retried          attempts scheduled again after a retryable failure
 * @param queued           tracks ready to send, waiting for a slot in the window now
 * @param awaitingRetry    tracks waiting for their next attempt now
 * @param inFlight         HTTP requests in flight now (after {@code close()}, requests still on the wire whose
 *                         tracks were already given up; every other gauge is then zero)
 * @param pending          tracks accepted and not yet finished (the queue depth that capacity bounds)
 * @param capacity         the configured queue capacity
 * @param latencyTotal     sum over delivered tracks of the time from first submission to PromptLayer's answer
 * @param latencyMax       the longest such time
 * @param lastFailureAt    when a track last failed, if ever
 * @param lastFailure      why it failed
 * @param window           requests allowed in flight now: the adaptive window, between
 *                         {@code min-in-flight} and {@code max-in-flight}
 * @param paused           whether all sending is paused now, as a {@code Retry-After} asked
 * @param pauses           how many times sending was paused
 * @param windowDecreases  how many times the window shrank (429, 502-504, timeouts)
 * @param lastKeyRefusedAt when PromptLayer last refused the API key (401 or 403), if ever
 * @param deliveredSinceKeyRefused whether a track was delivered after that refusal (the key works again)
 * @param outage           whether PromptLayer looks unreachable now: sending is paused but for one probe
 *                         at a time, and tracks wait in the queue for up to {@code max-age}
 * @param outageSince      when the outage in force began
 * @param outages          how many outages there were
 */
public record DeliveryStats(
        long submitted,
        long coalesced,
        long delivered,
        long failed,
        Map<FailureReason, Long> failedByReason,
        long rejected,
        Map<FailureReason, Long> rejectedByReason,
        long retried,
        int queued,
        int awaitingRetry,
        int inFlight,
        int pending,
        int capacity,
        Duration latencyTotal,
        Duration latencyMax,
        Optional<Instant> lastFailureAt,
        Optional<FailureReason> lastFailure,
        int window,
        boolean paused,
        long pauses,
        long windowDecreases,
        Optional<Instant> lastKeyRefusedAt,
        boolean deliveredSinceKeyRefused,
        boolean outage,
        Optional<Instant> outageSince,
        long outages) {

    public DeliveryStats {
        failedByReason = Map.copyOf(failedByReason);
        rejectedByReason = Map.copyOf(rejectedByReason);
    }

    /** Failed tracks for one reason. */
    public long failed(FailureReason reason) {
        return failedByReason.getOrDefault(reason, 0L);
    }

    /** Rejected submissions for one reason. */
    public long rejected(FailureReason reason) {
        return rejectedByReason.getOrDefault(reason, 0L);
    }

    /** Tracks given up because they waited longer than {@code max-age}, as during a long outage. */
    public long expired() {
        return failed(FailureReason.EXPIRED);
    }

    /** {@code pending / capacity}, from 0 to 1: how close the engine is to refusing tracks. */
    public double saturation() {
        return capacity == 0 ? 0 : (double) pending / capacity;
    }

    /** Mean time from submission to delivery, zero before the first delivery. */
    public Duration latencyMean() {
        return delivered == 0 ? Duration.ZERO : latencyTotal.dividedBy(delivered);
    }
}
