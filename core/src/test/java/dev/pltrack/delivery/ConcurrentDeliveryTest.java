package dev.pltrack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.client.TrackRequest;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import dev.pltrack.testkit.RecordedTrack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many threads submitting at once: every track arrives, and nothing arrives twice unaccounted. */
class ConcurrentDeliveryTest {

    private static final int THREADS = 64;
    private static final int TRACKS_PER_THREAD = 10_000;

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    @Test
    void sixtyFourThreadsTimesTenThousandDistinctIdsAllArriveWithNoUncountedDuplicate() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        // BLOCK with a generous timeout: producers outrun any HTTP server, and this test is about
        // delivery, not overflow, so they wait for room instead of being refused.
        DeliveryConfig config = Engines.config().maxInFlight(4).overflowPolicy(OverflowPolicy.BLOCK)
                .blockTimeout(Duration.ofMinutes(5)).shutdownTimeout(Duration.ofMinutes(5)).build();
        int total = THREADS * TRACKS_PER_THREAD;
        long retried;
        try (DeliveryEngine engine = Engines.engineFor(fake).config(config).build()) {
            ExecutorService producers = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> accepted = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long firstId = 1 + (long) t * TRACKS_PER_THREAD;
                accepted.add(producers.submit(() -> {
                    start.await();
                    int ok = 0;
                    for (long id = firstId; id < firstId + TRACKS_PER_THREAD; id++) {
                        if (engine.offer(TrackRequest.of(id, Map.of("n", Long.toString(id))))) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            start.countDown();
            int acceptedTotal = 0;
            for (Future<Integer> count : accepted) {
                acceptedTotal += count.get();
            }
            producers.shutdown();
            assertThat(acceptedTotal).isEqualTo(total);
            assertThat(engine.flush(Duration.ofMinutes(10))).isTrue();

            DeliveryStats stats = engine.stats();
            assertThat(stats.delivered()).isEqualTo(total);
            assertThat(stats.rejected()).isZero();
            assertThat(stats.failed()).isZero();
            assertThat(stats.coalesced()).isZero();
            retried = stats.retried();
        }
        // Every id arrives, with its own metadata. The JDK's HTTP/1.1 client can, rarely, lose a
        // response the server did send (a pooled-connection race; a few in 100,000 calls on this
        // machine); the engine then resends, which PromptLayer's merge makes harmless. So any extra
        // arrival must be matched by a retry the engine counted, never an unexplained duplicate.
        List<RecordedTrack> received = fake.received();
        Set<Long> ids = new HashSet<>();
        for (RecordedTrack track : received) {
            ids.add(track.requestId());
            assertThat(track.metadata()).isEqualTo(Map.of("n", Long.toString(track.requestId())));
        }
        assertThat(ids).hasSize(total);
        assertThat((long) received.size() - total).as("arrivals beyond one per id").isLessThanOrEqualTo(retried);
        assertThat(retried).as("resends after lost responses").isLessThan(total / 1000);
        assertThat(ids).allMatch(id -> id >= 1 && id <= total);
    }
}
