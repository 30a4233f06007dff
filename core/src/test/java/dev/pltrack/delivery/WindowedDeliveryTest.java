package dev.pltrack.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.sockets.ScriptedServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Many requests in flight without a thread each, a window that adapts to what the server can take,
 * and a {@code Retry-After} that pauses everything: observed from the server's side of real sockets.
 */
class WindowedDeliveryTest {

    private static final Map<String, String> METADATA = Map.of("user_id", "u-1");

    @Test
    @Tag("slow")   // thousands of tracks: left out of mutation runs (pom.xml, profile pit)
    void withDefaultSettingsManyRequestsAreInFlightAtOnceAgainstASlowServer() throws Exception {
        try (ScriptedServer server = new ScriptedServer((arrival, out) -> {
            Thread.sleep(200);
            return ScriptedServer.ok(out);
        })) {
            try (DeliveryEngine engine = DeliveryEngine.start(clientFor(server, RetryPolicy.defaults()))) {
                for (long id = 1; id <= 1_000; id++) {
                    assertThat(engine.offer(TrackRequest.of(id, METADATA))).isTrue();
                }
                assertThat(engine.flush(Duration.ofSeconds(60))).isTrue();
                DeliveryStats stats = engine.stats();
                assertThat(stats.delivered()).isEqualTo(1_000);
                assertThat(stats.failed()).isZero();
            }
            assertThat(server.maxOpen()).as("requests the server held open at once").isGreaterThanOrEqualTo(32);
            assertThat(server.arrivals()).hasSize(1_000);
        }
    }

    @Test
    void aRetryAfterPausesAllSendingNotOnlyTheTrackItCameWith() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        try (ScriptedServer server = new ScriptedServer((arrival, out) -> answered.incrementAndGet() == 1
                ? ScriptedServer.answer(out, 429, Map.of("Retry-After", "2"), "{\"success\":false}")
                : ScriptedServer.ok(out))) {
            RetryPolicy retries = new RetryPolicy(4, Duration.ofMillis(20), Duration.ofSeconds(5));
            try (DeliveryEngine engine = DeliveryEngine.builder(clientFor(server, retries))
                    .config(DeliveryConfig.builder().linger(Duration.ZERO).build()).build()) {
                engine.offer(TrackRequest.of(1L, METADATA));
                await().atMost(Duration.ofSeconds(5)).until(() -> engine.stats().paused());
                for (long id = 2; id <= 11; id++) {
                    engine.offer(TrackRequest.of(id, METADATA));
                }
                assertThat(engine.flush(Duration.ofSeconds(20))).isTrue();
                assertThat(engine.stats().delivered()).isEqualTo(11);
                assertThat(engine.stats().pauses()).isEqualTo(1);
            }
            long rateLimitedAt = server.answeredNanos().get(0);
            List<ScriptedServer.Arrival> later = server.arrivals().subList(1, server.arrivals().size());
            assertThat(later).hasSize(11);
            assertThat(later).allSatisfy(arrival -> assertThat(arrival.arrivedNanos() - rateLimitedAt)
                    .as("request %d came %d ms after the 429", arrival.number(),
                            TimeUnit.NANOSECONDS.toMillis(arrival.arrivedNanos() - rateLimitedAt))
                    .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(1_900)));
        }
    }

    @Test
    void theWindowShrinksOnOverloadAndGrowsBackWhileAnswersAreHealthy() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        try (ScriptedServer server = new ScriptedServer((arrival, out) -> {
            Thread.sleep(20);
            return answered.incrementAndGet() <= 3
                    ? ScriptedServer.answer(out, 503, Map.of(), "{\"success\":false}")
                    : ScriptedServer.ok(out);
        })) {
            try (DeliveryEngine engine = DeliveryEngine.builder(clientFor(server, Engines.FAST_RETRIES))
                    .config(DeliveryConfig.builder().maxInFlight(16).minInFlight(2).build()).build()) {
                assertThat(engine.stats().window()).isEqualTo(16);
                assertThat(engine.track(1L, METADATA).get(10, TimeUnit.SECONDS).attempts()).isEqualTo(4);

                DeliveryStats afterOverload = engine.stats();
                assertThat(afterOverload.windowDecreases()).as("one halving per 503 sent after the last one")
                        .isEqualTo(3);
                assertThat(afterOverload.window()).as("16 halved three times to 2, then one healthy answer").isEqualTo(3);

                for (long id = 2; id <= 400; id++) {
                    engine.offer(TrackRequest.of(id, METADATA));
                }
                assertThat(engine.flush(Duration.ofSeconds(30))).isTrue();
                assertThat(engine.stats().window()).as("grown back to max-in-flight").isEqualTo(16);
                assertThat(engine.stats().delivered()).isEqualTo(400);
            }
            assertThat(server.maxOpen()).isGreaterThan(2).isLessThanOrEqualTo(16);
        }
    }

    @Test
    void aBurstOfOverloadAnswersToRequestsAlreadyInFlightHalvesTheWindowOnce() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        try (ScriptedServer server = new ScriptedServer((arrival, out) -> {
            Thread.sleep(200);
            // 429s: overload that is not an outage (a run of 503s would be one, and hold the tracks)
            return answered.incrementAndGet() <= 8
                    ? ScriptedServer.answer(out, 429, Map.of(), "{\"success\":false}")
                    : ScriptedServer.ok(out);
        })) {
            try (DeliveryEngine engine = DeliveryEngine.builder(clientFor(server, RetryPolicy.noRetries()))
                    .config(DeliveryConfig.builder().maxInFlight(8).linger(Duration.ZERO).build()).build()) {
                for (long id = 1; id <= 8; id++) {
                    engine.offer(TrackRequest.of(id, METADATA));
                }
                assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();
                assertThat(engine.stats().failed()).isEqualTo(8);
                assertThat(engine.stats().windowDecreases()).isEqualTo(1);
                assertThat(engine.stats().window()).isEqualTo(4);
            }
            assertThat(server.maxOpen()).isEqualTo(8);
        }
    }

    @Test
    void aTimeoutShrinksTheWindow() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        try (ScriptedServer server = new ScriptedServer((arrival, out) -> {
            if (answered.incrementAndGet() == 1) {
                Thread.sleep(2_000);
                return false;
            }
            return ScriptedServer.ok(out);
        })) {
            PromptLayerClient client = PromptLayerClient.create(PromptLayerConfig.builder()
                    .apiKey("pl_window_key").baseUrl(server.baseUrl())
                    .readTimeout(Duration.ofMillis(300))
                    .retryPolicy(Engines.FAST_RETRIES).build());
            try (DeliveryEngine engine = DeliveryEngine.builder(client)
                    .config(DeliveryConfig.builder().maxInFlight(8).build()).build()) {
                assertThat(engine.track(1L, METADATA).get(10, TimeUnit.SECONDS).attempts()).isEqualTo(2);
                assertThat(engine.stats().windowDecreases()).isEqualTo(1);
            }
        }
    }

    @Test
    @Tag("slow")   // thousands of tracks: left out of mutation runs (pom.xml, profile pit)
    void closeWithTenThousandPendingAgainstASlowServerDeliversOrDeadLettersEveryOne() throws Exception {
        try (ScriptedServer server = new ScriptedServer((arrival, out) -> {
            Thread.sleep(100);
            return ScriptedServer.ok(out);
        })) {
            RecordingDeadLetters letters = new RecordingDeadLetters();
            DeliveryEngine engine = DeliveryEngine.builder(clientFor(server, RetryPolicy.defaults()))
                    .config(DeliveryConfig.builder().shutdownTimeout(Duration.ofSeconds(2)).build())
                    .deadLetterHandler(letters)
                    .build();
            for (long id = 1; id <= 10_000; id++) {
                assertThat(engine.offer(TrackRequest.of(id, METADATA))).isTrue();
            }
            engine.close();

            DeliveryStats stats = engine.stats();
            assertThat(stats.delivered()).as("some delivered within the timeout").isPositive();
            assertThat(stats.failed()).as("the rest given up").isPositive();
            assertThat(stats.delivered() + stats.failed()).isEqualTo(10_000);
            assertThat(stats.pending()).isZero();
            assertThat(letters.letters).hasSize((int) stats.failed());
        }
    }

    private static PromptLayerClient clientFor(ScriptedServer server, RetryPolicy retries) {
        return PromptLayerClient.create(PromptLayerConfig.builder()
                .apiKey("pl_window_key")
                .baseUrl(server.baseUrl())
                .retryPolicy(retries)
                .build());
    }
}
