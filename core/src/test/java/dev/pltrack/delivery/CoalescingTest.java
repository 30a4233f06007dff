package dev.pltrack.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pltrack.client.TrackResult;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import dev.pltrack.testkit.Fault;
import dev.pltrack.testkit.RecordedTrack;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tracks for one request id merge as PromptLayer merges them (later keys win), and one id never has
 * two calls under way, so an older value cannot overwrite a newer one.
 */
class CoalescingTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    @Test
    void tracksWaitingForTheSameIdBecomeOneCallWithTheLaterValues() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.respondSlowly(Duration.ofMillis(500));
        try (DeliveryEngine engine = oneSender(fake)) {
            engine.track(100L, Map.of("busy", "yes"));
            fake.awaitReceived(1, Duration.ofSeconds(5)); // the only sender is now busy with 100

            CompletableFuture<TrackResult> first = engine.track(1L, Map.of("a", "1"));
            CompletableFuture<TrackResult> second = engine.track(1L, Map.of("b", "2"));
            CompletableFuture<TrackResult> third = engine.track(1L, Map.of("a", "3"));

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(third.get(10, TimeUnit.SECONDS));
            assertThat(second.get(10, TimeUnit.SECONDS).requestId()).isEqualTo(1L);
            DeliveryStats stats = engine.stats();
            assertThat(stats.coalesced()).isEqualTo(2);
            assertThat(stats.submitted()).isEqualTo(4);
            assertThat(stats.delivered()).isEqualTo(2);
        }
        List<RecordedTrack> forOne = callsFor(fake, 1L);
        assertThat(forOne).singleElement().satisfies(call -> {
            assertThat(call.metadata()).containsExactly(Map.entry("a", "3"), Map.entry("b", "2"));
            assertThat(call.rawBody()).contains("\"metadata\":{\"a\":\"3\",\"b\":\"2\"}");
        });
    }

    @Test
    void tracksArrivingWhileTheIdIsBeingSentGoOutInOneCallAfterIt() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.respondSlowly(Duration.ofMillis(500));
        try (DeliveryEngine engine = DeliveryEngine.builder(Engines.clientFor(fake)).build()) {
            CompletableFuture<TrackResult> sending = engine.track(1L, Map.of("a", "1"));
            fake.awaitReceived(1, Duration.ofSeconds(5));

            CompletableFuture<TrackResult> later = engine.track(1L, Map.of("a", "2", "b", "1"));
            engine.track(1L, Map.of("c", "1"));

            sending.get(10, TimeUnit.SECONDS);
            later.get(10, TimeUnit.SECONDS);
            assertThat(engine.stats().coalesced()).isEqualTo(1);
        }
        List<RecordedTrack> calls = callsFor(fake, 1L);
        assertThat(calls).extracting(RecordedTrack::metadata).containsExactly(
                Map.of("a", "1"),
                ordered("a", "2", "b", "1", "c", "1"));
        assertThat(fake.metadataFor(1L)).isEqualTo(Map.of("a", "2", "b", "1", "c", "1"));
    }

    @Test
    void tracksArrivingDuringARetryPauseJoinTheRetry() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.rateLimited(Duration.ofSeconds(1)));
        try (DeliveryEngine engine = DeliveryEngine.builder(Engines.clientFor(fake)).build()) {
            CompletableFuture<TrackResult> first = engine.track(1L, Map.of("a", "1"));
            fake.awaitReceived(1, Duration.ofSeconds(5));
            awaitRetryScheduled(engine);

            CompletableFuture<TrackResult> second = engine.track(1L, Map.of("a", "2"));

            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(first.get(10, TimeUnit.SECONDS));
        }
        assertThat(callsFor(fake, 1L)).extracting(call -> call.metadata().get("a") + ":" + call.responseStatus())
                .containsExactly("1:429", "2:200");
    }

    @Test
    void aTrackWaitingBehindAFailingCallIsFoldedIntoItsRetrySoTheNewestValueWins() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.respondSlowly(Duration.ofMillis(400));
        fake.failNext(1, Fault.rateLimited(Duration.ofSeconds(1)));
        try (DeliveryEngine engine = DeliveryEngine.builder(Engines.clientFor(fake)).build()) {
            CompletableFuture<TrackResult> first = engine.track(1L, Map.of("a", "1", "x", "old"));
            fake.awaitReceived(1, Duration.ofSeconds(5));
            // Waits behind the call under way, which is about to fail with a 429; "w" only it carries.
            CompletableFuture<TrackResult> waiting = engine.track(1L, Map.of("a", "2", "w", "1"));
            awaitRetryScheduled(engine);
            // Lands in the retry, which now carries the waiting track too.
            engine.track(1L, Map.of("a", "3"));

            assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(first.get(10, TimeUnit.SECONDS));
            DeliveryStats stats = engine.stats();
            assertThat(stats.coalesced()).isEqualTo(2);
            assertThat(stats.submitted()).isEqualTo(stats.coalesced() + stats.delivered());
        }
        assertThat(callsFor(fake, 1L)).extracting(RecordedTrack::metadata).containsExactly(
                ordered("a", "1", "x", "old"),
                ordered("a", "3", "x", "old", "w", "1"));
    }

    private static DeliveryEngine oneSender(FakePromptLayer fake) {
        return Engines.engineFor(fake).config(Engines.config().maxInFlight(1).build()).build();
    }

    private static void awaitRetryScheduled(DeliveryEngine engine) {
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.stats().awaitingRetry() > 0);
    }

    private static List<RecordedTrack> callsFor(FakePromptLayer fake, long requestId) {
        return fake.received().stream().filter(call -> call.requestId() == requestId).toList();
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
