package dev.pltrack.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pltrack.client.TrackRequest;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import dev.pltrack.testkit.Fault;
import dev.pltrack.testkit.RecordedTrack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A caller does not wake a parked sender for one track (that system call would cost it more than
 * the rest of the call); senders look on their own every linger, when tracks pile up, or on flush.
 */
class LingerTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private List<Thread> ownSenders = List.of();

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
    void aRetryComingDueIsSentAtOnceNotAfterTheLinger() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.status(503));
        try (DeliveryEngine engine = withLinger(fake, Duration.ofMinutes(10))) {
            awaitSendersParked(engine);
            engine.offer(TrackRequest.of(1L, Map.of("k", "v")));

            // flush wakes the sender once, for the first attempt; the retry's timer must send the second.
            assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(fake.received()).extracting(RecordedTrack::responseStatus).containsExactly(503, 200);
    }

    @Test
    void tracksPilingUpWakeASender() {
        FakePromptLayer fake = promptLayer.server();
        try (DeliveryEngine engine = withLinger(fake, Duration.ofMinutes(10))) {
            awaitSendersParked(engine);

            for (long id = 1; id <= ReadyQueue.WAKE_THRESHOLD; id++) {
                engine.offer(TrackRequest.of(id, Map.of("k", "v")));
            }

            fake.awaitAccepted(ReadyQueue.WAKE_THRESHOLD, Duration.ofSeconds(10));
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

    private DeliveryEngine withLinger(FakePromptLayer fake, Duration linger) {
        Set<Thread> before = senderThreads().collect(Collectors.toSet());
        DeliveryEngine engine = Engines.engineFor(fake).config(Engines.config().linger(linger).build()).build();
        ownSenders = senderThreads().filter(thread -> !before.contains(thread)).toList();
        return engine;
    }

    /** This engine's senders blocked on the queue, so that a track offered now finds none of them looking. */
    private void awaitSendersParked(DeliveryEngine engine) {
        assertThat(ownSenders).as("one dispatcher per engine").hasSize(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> ownSenders.stream().allMatch(thread ->
                thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING));
    }

    private static Stream<Thread> senderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().matches("pltrack-delivery-\\d+-dispatcher"));
    }
}
