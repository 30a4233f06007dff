package dev.pltrack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.client.FailureReason;
import dev.pltrack.client.PromptLayerException;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.delivery.Outage.Transition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The outage state machine's rules, without a network (OutageTest drives it over HTTP). */
class OutageStateTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private static Outage outage(Duration initialBackoff) {
        return new Outage(new RetryPolicy(4, initialBackoff, Duration.ofMinutes(10)), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Outage started() {
        Outage outage = outage(Duration.ofMillis(100));
        outage.answered(true, false);
        outage.answered(true, false);
        assertThat(outage.answered(true, false)).isEqualTo(Transition.STARTED);
        return outage;
    }

    @Test
    void onlyNetworkTimeoutAndServerErrorsSayUnreachable() {
        EnumSet<FailureReason> unreachable = EnumSet.of(FailureReason.NETWORK, FailureReason.TIMEOUT,
                FailureReason.SERVER_ERROR);
        for (FailureReason reason : FailureReason.values()) {
            assertThat(Outage.saysUnreachable(new PromptLayerException(reason, "x")))
                    .as(reason.name())
                    .isEqualTo(unreachable.contains(reason));
        }
    }

    @Test
    void threeUnreachableAnswersInARowStartAnOutage() {
        Outage outage = outage(Duration.ofMillis(100));
        assertThat(outage.answered(true, false)).isEqualTo(Transition.NONE);
        assertThat(outage.answered(true, false)).isEqualTo(Transition.NONE);
        assertThat(outage.isActive()).isFalse();
        assertThat(outage.since()).isEmpty();
        assertThat(outage.outages()).isZero();
        assertThat(outage.answered(true, false)).isEqualTo(Transition.STARTED);
        assertThat(outage.isActive()).isTrue();
        assertThat(outage.since()).contains(NOW);
        assertThat(outage.outages()).isEqualTo(1);
        assertThat(outage.answered(true, false)).isEqualTo(Transition.NONE);
        assertThat(outage.outages()).isEqualTo(1);
    }

    @Test
    void anyReachableAnswerResetsTheCount() {
        Outage outage = outage(Duration.ofMillis(100));
        outage.answered(true, false);
        outage.answered(true, false);
        assertThat(outage.answered(false, false)).isEqualTo(Transition.NONE);
        assertThat(outage.answered(true, false)).isEqualTo(Transition.NONE);
        assertThat(outage.answered(true, false)).isEqualTo(Transition.NONE);
        assertThat(outage.isActive()).isFalse();
        assertThat(outage.answered(true, false)).isEqualTo(Transition.STARTED);
    }

    @Test
    void aProbeIsAllowedOnlyWhenDueAndOneAtATime() {
        Outage outage = started();
        assertThat(outage.mayProbe()).isFalse();
        outage.probeDue();
        assertThat(outage.mayProbe()).isTrue();
        assertThat(outage.mayProbe()).isFalse();
        outage.probeDue();
        assertThat(outage.mayProbe()).as("a probe is in flight").isFalse();
    }

    @Test
    void aFailedProbeIsReportedOnlyForTheProbeInFlight() {
        Outage outage = started();
        outage.probeDue();
        assertThat(outage.mayProbe()).isTrue();
        assertThat(outage.answered(true, false)).as("not the probe").isEqualTo(Transition.NONE);
        assertThat(outage.answered(true, true)).isEqualTo(Transition.PROBE_FAILED);
        assertThat(outage.answered(true, true)).as("no probe in flight any more").isEqualTo(Transition.NONE);
        assertThat(outage.isActive()).isTrue();
        outage.probeDue();
        assertThat(outage.mayProbe()).isTrue();
    }

    @Test
    void aProbeNotSentMayBeClaimedAgain() {
        Outage outage = started();
        outage.probeDue();
        assertThat(outage.mayProbe()).isTrue();
        outage.probeNotSent();
        assertThat(outage.mayProbe()).isTrue();
        assertThat(outage.mayProbe()).isFalse();
    }

    @Test
    void probeCallsOutsideAnOutageDoNothing() {
        Outage outage = outage(Duration.ofMillis(100));
        outage.probeDue();
        assertThat(outage.mayProbe()).isFalse();
        outage.probeNotSent();
        assertThat(outage.mayProbe()).isFalse();
    }

    @Test
    void aReachableAnswerEndsTheOutageOnce() {
        Outage outage = started();
        outage.probeDue();
        assertThat(outage.mayProbe()).isTrue();
        assertThat(outage.answered(false, true)).isEqualTo(Transition.ENDED);
        assertThat(outage.isActive()).isFalse();
        assertThat(outage.since()).isEmpty();
        assertThat(outage.answered(false, false)).isEqualTo(Transition.NONE);
        outage.probeDue();
        assertThat(outage.mayProbe()).as("no probe after the outage").isFalse();
        outage.probeNotSent();
        assertThat(outage.mayProbe()).isFalse();
        assertThat(outage.outages()).isEqualTo(1);
    }

    @Test
    void aNewOutageStartsWithNoProbeDueOrInFlight() {
        Outage outage = started();
        outage.probeDue();
        outage.answered(false, false);
        outage.answered(true, false);
        outage.answered(true, false);
        assertThat(outage.answered(true, false)).isEqualTo(Transition.STARTED);
        assertThat(outage.outages()).isEqualTo(2);
        assertThat(outage.mayProbe()).isFalse();
        outage.probeDue();
        assertThat(outage.mayProbe()).isTrue();
    }

    @Test
    void theProbePauseDoublesWithEachFailedProbeUpToTheCap() {
        Outage outage = outage(Duration.ofMillis(1000));
        outage.answered(true, false);
        outage.answered(true, false);
        outage.answered(true, false);
        assertThat(outage.nextProbeDelay()).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        failProbe(outage);
        assertThat(outage.nextProbeDelay()).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
        failProbe(outage);
        failProbe(outage);
        failProbe(outage);
        // backoff after 5 failures is 16 s jittered to 8..16 s: capped
        assertThat(outage.nextProbeDelay()).isEqualTo(Outage.MAX_PROBE_INTERVAL);

        outage.answered(false, false);
        outage.answered(true, false);
        outage.answered(true, false);
        outage.answered(true, false);
        assertThat(outage.nextProbeDelay()).as("a new outage starts over")
                .isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    private static void failProbe(Outage outage) {
        outage.probeDue();
        assertThat(outage.mayProbe()).isTrue();
        assertThat(outage.answered(true, true)).isEqualTo(Transition.PROBE_FAILED);
    }
}
