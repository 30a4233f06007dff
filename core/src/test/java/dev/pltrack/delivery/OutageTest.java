package dev.pltrack.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pltrack.client.FailureReason;
import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.client.TrackResult;
import dev.pltrack.sockets.ScriptedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Outage mode over real sockets: PromptLayer failing (503 for everyone); tracks wait instead of
 * running out of retries, one probe at a time finds it again, and what waits too long expires,
 * counted and dead-lettered. {@link OutageProbeTest} watches the probes from the server's side;
 * {@link OutageRecoveryTest} has PromptLayer down for 30 s.
 */
class OutageTest {

    private static final String KEY = "pl_outage_test_key";

    @Test
    void tracksOlderThanMaxAgeExpireDuringAnOutageAndOverflowIsStillCounted() throws Exception {
        try (ScriptedServer server = new ScriptedServer((arrival, out) ->
                ScriptedServer.answer(out, 503, Map.of(), "{\"success\":false}"))) {
            RecordingDeadLetters deadLetters = new RecordingDeadLetters();
            RetryPolicy retries = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(400));
            try (DeliveryEngine engine = DeliveryEngine.builder(clientFor(server.baseUrl(), retries))
                    .config(DeliveryConfig.builder().queueCapacity(5).maxAge(Duration.ofSeconds(2)).build())
                    .deadLetterHandler(deadLetters).build()) {
                List<CompletableFuture<TrackResult>> tracks = new ArrayList<>();
                for (long id = 1; id <= 5; id++) {
                    tracks.add(engine.track(id, Map.of("k", "v")));
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> engine.stats().outage());
                assertThat(engine.offer(TrackRequest.of(6L, Map.of("k", "v")))).as("the queue is full").isFalse();
                assertThat(engine.stats().rejected(FailureReason.QUEUE_FULL)).isEqualTo(1);

                await().atMost(Duration.ofSeconds(15)).until(() -> engine.stats().expired() == 5);
                for (CompletableFuture<TrackResult> track : tracks) {
                    assertThat(track).isCompletedExceptionally();
                }
                DeliveryStats stats = engine.stats();
                assertThat(stats.pending()).isZero();
                assertThat(stats.queued()).isZero();
                assertThat(stats.failed()).isEqualTo(5);
                assertThat(stats.submitted()).isEqualTo(stats.coalesced() + stats.delivered() + stats.failed() + stats.pending());
                assertThat(stats.outage()).as("PromptLayer still answers 503").isTrue();
            }
            assertThat(deadLetters.letters).hasSize(5).allSatisfy(letter -> {
                assertThat(letter.reason()).isEqualTo(FailureReason.EXPIRED);
                assertThat(letter.failure().getMessage()).contains(DeliveryConfig.MAX_AGE_PROPERTY, "PT2S",
                        "last attempt failed: SERVER_ERROR");
            });
        }
    }

    @Test
    void aFailureThatIsNotAnOutageStillRunsOutOfRetries() throws Exception {
        // 400 means PromptLayer is there and refuses this track: no outage, dead-lettered at once.
        try (ScriptedServer server = new ScriptedServer((arrival, out) ->
                ScriptedServer.answer(out, 400, Map.of(), "{\"success\":false,\"message\":\"bad\"}"))) {
            RecordingDeadLetters deadLetters = new RecordingDeadLetters();
            try (DeliveryEngine engine = DeliveryEngine.builder(clientFor(server.baseUrl(), RetryPolicy.defaults()))
                    .deadLetterHandler(deadLetters).build()) {
                for (long id = 1; id <= 5; id++) {
                    engine.offer(TrackRequest.of(id, Map.of("k", "v")));
                }
                assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();
                assertThat(engine.stats().outages()).isZero();
                assertThat(engine.stats().failed(FailureReason.BAD_REQUEST)).isEqualTo(5);
            }
            assertThat(server.arrivals()).hasSize(5);
        }
    }

    private static PromptLayerClient clientFor(String baseUrl, RetryPolicy retries) {
        return PromptLayerClient.create(PromptLayerConfig.builder().apiKey(KEY).baseUrl(baseUrl).retryPolicy(retries).build());
    }
}
