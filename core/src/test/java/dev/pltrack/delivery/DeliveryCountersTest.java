package dev.pltrack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.client.FailureReason;
import dev.pltrack.client.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The counters behind {@link DeliveryStats}, without an engine. */
class DeliveryCountersTest {

    private static final Instant NOW = Instant.parse("2026-12-05T01:00:00Z");

    private final DeliveryCounters counters = new DeliveryCounters(Clock.fixed(NOW, ZoneOffset.UTC));

    private DeliveryStats snapshot() {
        return counters.snapshot(0, 0, 10, new SendWindow(1, 4), new Outage(RetryPolicy.defaults(), Clock.systemUTC()));
    }

    @Test
    void onlyReasonsThatHappenedAreListedAndTheTotalsAddUp() {
        counters.failed(FailureReason.NETWORK);
        counters.failed(FailureReason.NETWORK);
        counters.failed(FailureReason.SERVER_ERROR);
        counters.rejected(FailureReason.QUEUE_FULL);
        DeliveryStats stats = snapshot();
        assertThat(stats.failedByReason()).isEqualTo(Map.of(FailureReason.NETWORK, 2L, FailureReason.SERVER_ERROR, 1L));
        assertThat(stats.failed()).isEqualTo(3);
        assertThat(stats.rejectedByReason()).isEqualTo(Map.of(FailureReason.QUEUE_FULL, 1L));
        assertThat(stats.rejected()).isEqualTo(1);
        assertThat(stats.lastFailure()).contains(FailureReason.SERVER_ERROR);
        assertThat(stats.lastFailureAt()).contains(NOW);
    }

    @Test
    void nothingFailedNothingListed() {
        DeliveryStats stats = snapshot();
        assertThat(stats.failedByReason()).isEmpty();
        assertThat(stats.rejectedByReason()).isEmpty();
        assertThat(stats.lastFailureAt()).isEmpty();
        assertThat(stats.lastKeyRefusedAt()).isEmpty();
        assertThat(stats.deliveredSinceKeyRefused()).isFalse();
    }

    @Test
    void otherFailuresAreNotKeyRefusals() {
        counters.failed(FailureReason.NETWORK);
        counters.failed(FailureReason.SERVER_ERROR);
        counters.delivered(5);
        DeliveryStats stats = snapshot();
        assertThat(stats.lastKeyRefusedAt()).isEmpty();
        assertThat(stats.deliveredSinceKeyRefused()).isFalse();
    }

    @Test
    void unauthorizedAndForbiddenAreKeyRefusalsAndADeliveryAfterwardsIsNoted() {
        counters.delivered(5);
        counters.failed(FailureReason.UNAUTHORIZED);
        assertThat(snapshot().lastKeyRefusedAt()).contains(NOW);
        assertThat(snapshot().deliveredSinceKeyRefused()).isFalse();   // the delivery came before
        counters.delivered(5);
        assertThat(snapshot().deliveredSinceKeyRefused()).isTrue();
        counters.failed(FailureReason.FORBIDDEN);
        assertThat(snapshot().deliveredSinceKeyRefused()).isFalse();
    }

    @Test
    void latenciesAddUpAndTheLongestIsKept() {
        counters.delivered(3_000_000);
        counters.delivered(7_000_000);
        counters.delivered(2_000_000);
        DeliveryStats stats = snapshot();
        assertThat(stats.delivered()).isEqualTo(3);
        assertThat(stats.latencyTotal()).isEqualTo(Duration.ofMillis(12));
        assertThat(stats.latencyMax()).isEqualTo(Duration.ofMillis(7));
    }
}
