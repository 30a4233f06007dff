package dev.pltrack.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pltrack.client.TrackRequest;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A caller does not wake a parked sender for one track (that system call would cost it more than
 * the rest of the call); senders look on their own every linger, when tracks pile up, or on flush.
 */
class LingerTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    @Test
    void oneTrackDoesNotWakeAParkedSenderButFlushDoes() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        try (DeliveryEngine engine = withLinger(fake, Duration.ofMinutes(10))) {
            awaitSendersParked(engine);

            engine.offer(TrackRequest.of(1L, Map.of("k", "v")));
            Thread.sleep(300);
            assertThat(fake.received()).as("nothing sent while the senders linger").isEmpty();

            assertThat(engine.flush(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(fake.trackedRequestIds()).containsExactly(1L);
    }

    @Test
    void tracksPilingUpWakeASender() {
        FakePromptLayer fake = promptLayer.server();
        try (DeliveryEngine engine = withLinger(fake, Duration.ofMinutes(10))) {
            awaitSendersParked(engine);

            for (long id = 1; id <= SenderQueue.WAKE_THRESHOLD; id++) {
                engine.offer(TrackRequest.of(id, Map.of("k", "v")));
            }

            fake.awaitAccepted(SenderQueue.WAKE_THRESHOLD, Duration.ofSeconds(10));
        }
    }

    @Test
    void idleSendersLookAgainAfterTheLinger() {
        FakePromptLayer fake = promptLayer.server();
        try (DeliveryEngine engine = withLinger(fake, Duration.ofMillis(100))) {
            awaitSendersParked(engine);

            engine.offer(TrackRequest.of(1L, Map.of("k", "v")));

            fake.awaitAccepted(1, Duration.ofSeconds(5));
        }
    }

    @Test
    void withZeroLingerEveryTrackWakesASender() {
        FakePromptLayer fake = promptLayer.server();
        try (DeliveryEngine engine = withLinger(fake, Duration.ZERO)) {
            awaitSendersParked(engine);

            engine.offer(TrackRequest.of(1L, Map.of("k", "v")));

            fake.awaitAccepted(1, Duration.ofSeconds(5));
        }
    }

    private static DeliveryEngine withLinger(FakePromptLayer fake, Duration linger) {
        return Engines.engineFor(fake).config(Engines.config().linger(linger).build()).build();
    }

    /** Both senders blocked on the queue, so that a track offered now finds none of them looking. */
    private static void awaitSendersParked(DeliveryEngine engine) {
        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().matches("pltrack-delivery-\\d+-sender-\\d+"))
                .filter(thread -> thread.getState() == Thread.State.WAITING
                        || thread.getState() == Thread.State.TIMED_WAITING)
                .count() >= engine.config().workers());
    }
}
