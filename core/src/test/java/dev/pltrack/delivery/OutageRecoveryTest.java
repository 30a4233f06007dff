package dev.pltrack.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.client.TrackResult;
import dev.pltrack.health.PltrackHealth;
import dev.pltrack.health.PltrackHealthCheck;
import dev.pltrack.testkit.FakePromptLayer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * PromptLayer down for 30 s (nothing listens on its port), then back on the same port, with the
 * default retry policy: nothing tracked before or during the outage is lost. Slow by design, so
 * mutation testing leaves it out ({@link OutageTest} covers the same paths quickly).
 */
class OutageRecoveryTest {

    private static final String KEY = "pl_outage_test_key";

    @Test
    void anOutageOfThirtySecondsLosesNothingAndTheTracksArriveWhenPromptLayerIsBackOnItsPort() throws Exception {
        int port = freePort();
        RecordingDeadLetters deadLetters = new RecordingDeadLetters();
        PromptLayerClient client = PromptLayerClient.create(PromptLayerConfig.builder()
                .apiKey(KEY).baseUrl("http://127.0.0.1:" + port).build());   // default retries: 4 attempts from 500 ms
        try (DeliveryEngine engine = DeliveryEngine.builder(client).deadLetterHandler(deadLetters).build()) {
            long start = System.nanoTime();
            CompletableFuture<TrackResult> first = engine.track(1L, Map.of("phase", "before"));

            await().atMost(Duration.ofSeconds(10)).until(() -> engine.stats().outage());
            DeliveryStats during = engine.stats();
            assertThat(during.outageSince()).isPresent();
            assertThat(during.outages()).isEqualTo(1);
            PltrackHealth health = new PltrackHealthCheck(engine).check();
            assertThat(health.up()).isFalse();
            assertThat(health.reason()).contains("unreachable", "max-age");
            assertThat(health.details()).containsEntry("outage", true).containsKey("outageSince");

            // Tracked during the outage: they wait in the queue.
            List<CompletableFuture<TrackResult>> later = new ArrayList<>();
            for (long id = 2; id <= 5; id++) {
                later.add(engine.track(id, Map.of("phase", "during")));
            }
            Thread.sleep(Math.max(0, TimeUnit.SECONDS.toMillis(30) - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
            assertThat(engine.stats().pending()).isEqualTo(5);
            assertThat(deadLetters.letters).isEmpty();

            try (FakePromptLayer back = FakePromptLayer.builder().port(port).apiKey(KEY).start()) {
                TrackResult firstResult = first.get(20, TimeUnit.SECONDS);
                assertThat(firstResult.attempts()).as("far more attempts than max-attempts, none of the outage's counted")
                        .isGreaterThan(RetryPolicy.DEFAULT_MAX_ATTEMPTS);
                for (CompletableFuture<TrackResult> track : later) {
                    track.get(20, TimeUnit.SECONDS);
                }
                assertThat(back.trackedRequestIds()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
                assertThat(back.metadataFor(3L)).containsEntry("phase", "during");
            }
            DeliveryStats after = engine.stats();
            assertThat(after.outage()).isFalse();
            assertThat(after.outageSince()).isEmpty();
            assertThat(after.delivered()).isEqualTo(5);
            assertThat(after.failed()).isZero();
            assertThat(new PltrackHealthCheck(engine).check().up()).isTrue();
        }
        assertThat(deadLetters.letters).isEmpty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
