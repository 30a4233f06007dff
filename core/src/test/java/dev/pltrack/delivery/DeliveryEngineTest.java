package dev.pltrack.delivery;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pltrack.client.FailureReason;
import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.client.InvalidTrackRequestException;
import dev.pltrack.client.PromptLayerRateLimitedException;
import dev.pltrack.client.PromptLayerUnauthorizedException;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.client.TrackResult;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import dev.pltrack.testkit.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Background delivery: the caller never waits, failures are retried off the senders, nothing is lost. */
class DeliveryEngineTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    @Test
    void theCallerReturnsBeforeASlowServerAnswers() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.respondSlowly(Duration.ofSeconds(2));
        try (DeliveryEngine engine = Engines.engineFor(fake).build()) {
            long started = System.nanoTime();
            CompletableFuture<TrackResult> delivery = engine.track(11L, Map.of("user_id", "u-1"));
            Duration callerWaited = Duration.ofNanos(System.nanoTime() - started);

            assertThat(delivery).isNotDone();
            assertThat(callerWaited).isLessThan(Duration.ofSeconds(1));
            TrackResult result = delivery.get(10, TimeUnit.SECONDS);
            assertThat(result.requestId()).isEqualTo(11L);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        }
        assertThat(fake).hasTracked(11L, Map.of("user_id", "u-1"));
    }

    @Test
    void anIdleEngineLeavesTheClientUnbuiltUntilItsFirstTrack() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        PromptLayerClient client = Engines.clientFor(fake);
        try (DeliveryEngine engine = DeliveryEngine.builder(client)
                .config(Engines.config().linger(Duration.ofMillis(5)).build()).build()) {
            Thread.sleep(300); // the dispatcher has looked at its empty queue many times
            assertThat(client.isPrepared()).isFalse();

            engine.track(12L, Map.of("user_id", "u-1")).get(10, TimeUnit.SECONDS);
            assertThat(client.isPrepared()).isTrue();
        }
        assertThat(fake).hasTracked(12L, Map.of("user_id", "u-1"));
    }

    @Test
    void startIsAnEngineWithTheDefaultSettingsThatDelivers() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        try (DeliveryEngine engine = DeliveryEngine.start(Engines.clientFor(fake))) {
            assertThat(engine.config().queueCapacity()).isEqualTo(DeliveryConfig.DEFAULT_QUEUE_CAPACITY);
            assertThat(engine.config().maxInFlight()).isEqualTo(DeliveryConfig.DEFAULT_MAX_IN_FLIGHT);

            engine.track(13L, Map.of("k", "v")).get(10, TimeUnit.SECONDS);
        }
        assertThat(fake).hasTracked(13L, Map.of("k", "v"));
    }

    @Test
    void invalidTracksAreRefusedAtOnceAndNothingIsQueued() {
        FakePromptLayer fake = promptLayer.server();
        try (DeliveryEngine engine = Engines.engineFor(fake).build()) {
            assertThatThrownBy(() -> engine.track(0L, Map.of("k", "v")))
                    .isInstanceOf(InvalidTrackRequestException.class)
                    .hasMessageContaining("request_id must be a positive integer (was 0)");
            assertThat(engine.stats().submitted()).isZero();
        }
        assertThat(fake).hasReceivedNothing();
    }

    @Test
    void aRetryWaitsOnTheTimerSoOtherTracksAreNotHeldUp() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.status(503));
        PromptLayerClient slowRetries = PromptLayerClient.create(PromptLayerConfig.builder()
                .apiKey(fake.apiKey()).baseUrl(fake.baseUrl())
                .retryPolicy(new RetryPolicy(4, Duration.ofSeconds(2), Duration.ofSeconds(2)))
                .build());
        // One request in flight: if the retry's pause held its slot, track 2 would wait behind track 1.
        try (DeliveryEngine engine = DeliveryEngine.builder(slowRetries)
                .config(Engines.config().maxInFlight(1).build()).build()) {
            CompletableFuture<TrackResult> first = engine.track(1L, Map.of("k", "one"));
            fake.awaitReceived(1, Duration.ofSeconds(5));
            CompletableFuture<TrackResult> second = engine.track(2L, Map.of("k", "two"));

            second.get(5, TimeUnit.SECONDS);
            assertThat(first).isNotDone();
            assertThat(first.get(10, TimeUnit.SECONDS).attempts()).as("the 503, then the delivery").isEqualTo(2);
            assertThat(engine.stats().retried()).isEqualTo(1);
        }
        assertThat(fake.received()).extracting(track -> track.requestId() + ":" + track.responseStatus())
                .containsExactly("1:503", "2:200", "1:200");
    }

    @Test
    void aRetriedTrackSucceedsAndCountsItsRetries() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(2, Fault.status(503));
        try (DeliveryEngine engine = Engines.engineFor(fake).build()) {
            engine.track(5L, Map.of("k", "v")).get(10, TimeUnit.SECONDS);
            DeliveryStats stats = engine.stats();
            assertThat(stats.retried()).isEqualTo(2);
            assertThat(stats.delivered()).isEqualTo(1);
            assertThat(stats.pending()).isZero();
        }
        assertThat(fake.received()).hasSize(3);
    }

    @Test
    void aRetryAfterOfZeroIsRetriedAtOnceWithoutPausingAllSending() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.rateLimited(Duration.ZERO));
        try (DeliveryEngine engine = Engines.engineFor(fake).build()) {
            assertThat(engine.track(6L, Map.of("k", "v")).get(10, TimeUnit.SECONDS).attempts()).isEqualTo(2);

            assertThat(engine.stats().pauses()).as("no pause of zero length").isZero();
            assertThat(engine.stats().paused()).isFalse();
        }
        assertThat(fake.received()).extracting(track -> track.responseStatus()).containsExactly(429, 200);
    }

    @Test
    void aTrackPromptLayerRefusesGoesToTheDeadLetterHandlerWithoutRetry() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.status(401));
        RecordingDeadLetters deadLetters = new RecordingDeadLetters();
        try (DeliveryEngine engine = Engines.engineFor(fake).deadLetterHandler(deadLetters).build()) {
            CompletableFuture<TrackResult> delivery = engine.track(9L, Map.of("k", "v"));

            assertThatThrownBy(() -> delivery.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(PromptLayerUnauthorizedException.class);
            assertThat(deadLetters.letters).singleElement().satisfies(letter -> {
                assertThat(letter.submission()).isEqualTo(TrackRequest.of(9L, Map.of("k", "v")));
                assertThat(letter.reason()).isEqualTo(FailureReason.UNAUTHORIZED);
                assertThat(letter.attempts()).isEqualTo(1);
            });
            DeliveryStats stats = engine.stats();
            assertThat(stats.failed(FailureReason.UNAUTHORIZED)).isEqualTo(1);
            assertThat(stats.lastFailure()).contains(FailureReason.UNAUTHORIZED);
            assertThat(stats.lastFailureAt()).isPresent();
        }
        assertThat(fake.received()).hasSize(1);
    }

    @Test
    void retriesRunOutAfterMaxAttemptsAndTheLastFailureIsKept() {
        FakePromptLayer fake = promptLayer.server();
        // 429 without Retry-After: PromptLayer is there, so no outage holds the track back.
        fake.failNext(4, Fault.status(429));
        RecordingDeadLetters deadLetters = new RecordingDeadLetters();
        try (DeliveryEngine engine = Engines.engineFor(fake).deadLetterHandler(deadLetters).build()) {
            CompletableFuture<TrackResult> delivery = engine.track(3L, Map.of("k", "v"));

            assertThatThrownBy(() -> delivery.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(PromptLayerRateLimitedException.class);
            assertThat(deadLetters.letters).singleElement()
                    .satisfies(letter -> assertThat(letter.attempts()).isEqualTo(4));
            assertThat(engine.stats().retried()).isEqualTo(3);
            assertThat(engine.stats().failed(FailureReason.RATE_LIMITED)).isEqualTo(1);
            assertThat(engine.stats().outages()).as("rate limited is not unreachable").isZero();
        }
    }

    @Test
    void listenersHearEveryEvent() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.status(502));
        List<String> events = new CopyOnWriteArrayList<>();
        DeliveryListener listener = new DeliveryListener() {
            @Override
            public void delivered(dev.pltrack.client.PromptLayerResult result, Duration latency) {
                events.add("delivered " + result.requestId());
            }

            @Override
            public void retrying(dev.pltrack.client.Submission submission, dev.pltrack.client.PromptLayerException failure,
                    Duration delay) {
                events.add("retrying " + ((TrackRequest) submission).requestId() + " " + failure.reason());
            }
        };
        try (DeliveryEngine engine = Engines.engineFor(fake).listener(listener).build()) {
            engine.track(4L, Map.of("k", "v")).get(10, TimeUnit.SECONDS);
            assertThat(engine.stats().latencyMax()).isPositive();
        }
        assertThat(events).containsExactly("retrying 4 SERVER_ERROR", "delivered 4");
    }

    @Test
    void listenersHearGiveUpsAndRefusalsAndTheStatsAgreeWithTheLatenciesTheyHeard() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.respondSlowly(Duration.ofMillis(300));
        fake.failNext(1, Fault.status(401));
        List<Duration> latencies = new CopyOnWriteArrayList<>();
        List<DeadLetter> failed = new CopyOnWriteArrayList<>();
        List<String> rejected = new CopyOnWriteArrayList<>();
        DeliveryListener listener = new DeliveryListener() {
            @Override
            public void delivered(dev.pltrack.client.PromptLayerResult result, Duration latency) {
                latencies.add(latency);
            }

            @Override
            public void failed(DeadLetter letter) {
                failed.add(letter);
            }

            @Override
            public void rejected(dev.pltrack.client.Submission submission, dev.pltrack.client.PromptLayerException refusal) {
                rejected.add(((TrackRequest) submission).requestId() + " " + refusal.reason());
            }
        };
        DeliveryEngine engine = Engines.engineFor(fake).listener(listener).build();
        try {
            engine.track(1L, Map.of("k", "v"));
            assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();
            engine.track(2L, Map.of("k", "v"));
            engine.track(3L, Map.of("k", "v"));
            assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();

            assertThat(failed).singleElement().satisfies(letter -> {
                assertThat(((TrackRequest) letter.submission()).requestId()).isEqualTo(1L);
                assertThat(letter.reason()).isEqualTo(FailureReason.UNAUTHORIZED);
            });
            assertThat(latencies).hasSize(2).allSatisfy(latency ->
                    assertThat(latency).as("from submission to the slow answer").isGreaterThanOrEqualTo(Duration.ofMillis(300)));
            DeliveryStats stats = engine.stats();
            assertThat(stats.latencyMax()).isEqualTo(latencies.stream().max(Duration::compareTo).orElseThrow());
            assertThat(stats.latencyMean()).isEqualTo(latencies.get(0).plus(latencies.get(1)).dividedBy(2));
        } finally {
            engine.close();
        }

        engine.track(4L, Map.of("k", "v"));

        assertThat(rejected).containsExactly("4 ENGINE_CLOSED");
    }

    @Test
    void flushAnswersFalseWhenItsTimeoutRunsOutFirst() throws Exception {
        try (SilentServer hanging = new SilentServer()) {
            PromptLayerClient client = Engines.clientFor(hanging.baseUrl(), "pl_hang", Duration.ofSeconds(30));
            try (DeliveryEngine engine = DeliveryEngine.builder(client)
                    .config(Engines.config().shutdownTimeout(Duration.ofMillis(200)).build()).build()) {
                engine.track(1L, Map.of("k", "v"));

                assertThat(engine.flush(Duration.ofMillis(200))).as("the server never answers").isFalse();
                assertThat(engine.stats().pending()).isEqualTo(1);
            }
        }
    }

    @Test
    void aListenerThatThrowsDoesNotStopDelivery() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        DeliveryListener broken = new DeliveryListener() {
            @Override
            public void delivered(dev.pltrack.client.PromptLayerResult result, Duration latency) {
                throw new IllegalStateException("listener bug");
            }
        };
        try (DeliveryEngine engine = Engines.engineFor(fake).listener(broken).build()) {
            engine.track(1L, Map.of("k", "v")).get(5, TimeUnit.SECONDS);
            engine.track(2L, Map.of("k", "v")).get(5, TimeUnit.SECONDS);
        }
        assertThat(fake).hasAcceptedTracks(2);
    }

    @Test
    void oneNamedDaemonDispatcherWhateverTheWindowAndItStopsOnClose() {
        FakePromptLayer fake = promptLayer.server();
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        DeliveryEngine engine = Engines.engineFor(fake).config(Engines.config().maxInFlight(64).build()).build();
        List<Thread> senders = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread))
                .filter(thread -> thread.getName().matches("pltrack-delivery-\\d+-dispatcher"))
                .toList();
        assertThat(senders).hasSize(1).allMatch(Thread::isDaemon).allMatch(Thread::isAlive);

        engine.close();

        assertThat(engine.isClosed()).isTrue();
        assertThat(engine.stats().pending()).isZero();
        assertThat(senders).noneMatch(Thread::isAlive);
    }

    @Test
    void aTrackSubmittedAfterCloseIsRefusedAndCounted() {
        FakePromptLayer fake = promptLayer.server();
        DeliveryEngine engine = Engines.engineFor(fake).build();
        engine.close();

        CompletableFuture<TrackResult> refused = engine.track(1L, Map.of("k", "v"));

        assertThatThrownBy(refused::join).hasCauseInstanceOf(TrackRejectedException.class)
                .hasMessageContaining("the delivery engine is closed");
        assertThat(engine.offer(TrackRequest.of(2L, Map.of("k", "v")))).isFalse();
        assertThat(engine.stats().rejected(FailureReason.ENGINE_CLOSED)).isEqualTo(2);
        assertThat(fake).hasReceivedNothing();
    }

    @Test
    void aNullTrackIsAProgrammingErrorNamingTheParameterNotANetworkFailure() {
        FakePromptLayer fake = promptLayer.server();
        try (DeliveryEngine engine = Engines.engineFor(fake).build()) {
            assertThatThrownBy(() -> engine.track((TrackRequest) null))
                    .isInstanceOf(NullPointerException.class).hasMessage("request");
            assertThatThrownBy(() -> engine.offer(null))
                    .isInstanceOf(NullPointerException.class).hasMessage("request");
            assertThatThrownBy(() -> engine.client().track((TrackRequest) null))
                    .isInstanceOf(NullPointerException.class).hasMessage("request");
            assertThat(engine.stats().submitted()).isZero();
            assertThat(engine.stats().failed()).isZero();
        }
    }

    @Test
    void aListenerThatThrowsAnErrorStrandsNeitherItsTrackNorTheOnlySlot() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        DeliveryListener failing = new DeliveryListener() {
            @Override
            public void delivered(dev.pltrack.client.PromptLayerResult result, Duration latency) {
                throw new AssertionError("a listener's bug");
            }
        };
        try (DeliveryEngine engine = Engines.engineFor(fake).listener(failing)
                .config(Engines.config().maxInFlight(1).build()).build()) {
            engine.track(71L, Map.of("k", "v")).get(5, TimeUnit.SECONDS);
            engine.track(72L, Map.of("k", "v")).get(5, TimeUnit.SECONDS);

            assertThat(engine.stats().delivered()).isEqualTo(2);
            assertThat(engine.stats().pending()).isZero();
            assertThat(engine.stats().inFlight()).isZero();
        }
    }

    /** An application's own Error type: none of the kinds the engine expects from user code. */
    private static final class HandlerBug extends Error {
        HandlerBug() {
            super("a dead-letter handler's bug");
        }
    }

    @Test
    void aDeadLetterHandlerThatThrowsAnyErrorStrandsNeitherTheTrackNorItsRoom() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.status(422, "{\"detail\":\"bad\"}"));
        try (DeliveryEngine engine = Engines.engineFor(fake).deadLetterHandler(letter -> {
            throw new HandlerBug();
        }).config(Engines.config().queueCapacity(1).build()).build()) {
            CompletableFuture<TrackResult> refused = engine.track(81L, Map.of("k", "v"));

            assertThat(engine.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(refused).isCompletedExceptionally();
            assertThat(engine.stats().pending()).isZero();
            assertThat(engine.stats().failed()).isEqualTo(1);
            // Its room was given back: the only slot of the queue takes the next track.
            engine.track(82L, Map.of("k", "v")).get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theEngineNeverPrintsTheApiKey() {
        FakePromptLayer fake = promptLayer.server();
        try (DeliveryEngine engine = Engines.engineFor(fake).build()) {
            assertThat(engine.toString()).doesNotContain(fake.apiKey()).contains("****");
            assertThat(engine.stats().toString()).doesNotContain(fake.apiKey());
        }
    }
}
