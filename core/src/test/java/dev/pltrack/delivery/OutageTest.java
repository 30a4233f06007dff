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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Outage mode over real sockets: PromptLayer failing (503 for everyone); tracks wait instead of
 * running out of retries, one probe at a time finds it again, and what waits too long expires,
 * counted and dead-lettered. {@link OutageRecoveryTest} has PromptLayer down for 30 s.
 */
class OutageTest {

    private static final String KEY = "pl_outage_test_key";
    private static final Pattern REQUEST_ID = Pattern.compile("\"request_id\"\\s*:\\s*(\\d+)");

    @Test
    void duringAnOutageOneProbeAtATimeIsSentAndTheFirstHealthyAnswerReleasesEveryone() throws Exception {
        // 503 for everyone during the 4 s after the first request (a busy machine may take seconds to send it).
        AtomicLong healthyFromNanos = new AtomicLong();
        // A request for an id the server has seen before is a retry or a probe, not a first send.
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger repeatsOpen = new AtomicInteger();
        AtomicInteger mostRepeatsOpen = new AtomicInteger();
        AtomicLong repeatsRefused = new AtomicLong();
        try (ScriptedServer server = new ScriptedServer((arrival, out) -> {
            healthyFromNanos.compareAndSet(0, arrival.arrivedNanos() + TimeUnit.SECONDS.toNanos(4));
            boolean healthy = System.nanoTime() - healthyFromNanos.get() > 0;
            Matcher id = REQUEST_ID.matcher(arrival.body());
            boolean repeat = id.find() && !seen.add(id.group(1));
            boolean counted = repeat && !healthy;
            if (counted) {
                mostRepeatsOpen.accumulateAndGet(repeatsOpen.incrementAndGet(), Math::max);
                repeatsRefused.incrementAndGet();
            }
            try {
                Thread.sleep(100);
                return healthy ? ScriptedServer.ok(out) : ScriptedServer.answer(out, 503, Map.of(), "{\"success\":false}");
            } finally {
                if (counted) {
                    repeatsOpen.decrementAndGet();
                }
            }
        })) {
            RecordingDeadLetters deadLetters = new RecordingDeadLetters();
            // Pauses of 1-2 s: the two retries scheduled before the third 503 declared the outage come
            // due well after it, however slow the machine, and so wait for the probe like the rest.
            RetryPolicy retries = new RetryPolicy(4, Duration.ofSeconds(2), Duration.ofSeconds(2));
            try (DeliveryEngine engine = DeliveryEngine.builder(clientFor(server.baseUrl(), retries))
                    .config(DeliveryConfig.builder().linger(Duration.ZERO).build())
                    .deadLetterHandler(deadLetters).build()) {
                for (long id = 1; id <= 50; id++) {
                    engine.offer(TrackRequest.of(id, Map.of("n", Long.toString(id))));
                }
                assertThat(engine.flush(Duration.ofSeconds(30))).isTrue();
                DeliveryStats stats = engine.stats();
                assertThat(stats.delivered()).isEqualTo(50);
                assertThat(stats.failed()).isZero();
                assertThat(stats.outages()).isEqualTo(1);
                assertThat(stats.outage()).isFalse();
            }
            assertThat(deadLetters.letters).isEmpty();
            assertThat(mostRepeatsOpen.get()).as("probes during the outage, one at a time").isEqualTo(1);
            assertThat(repeatsRefused.get()).as("a probe every 1-2 s for 4 s, not retries of 50 tracks")
                    .isBetween(1L, 4L);
            assertThat(server.arrivals()).as("the burst, the probes, then each track once")
                    .hasSizeLessThanOrEqualTo(50 + 4 + 50);
        }
    }

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
