package dev.pltrack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.pltrack.client.FailureReason;
import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.client.TrackResult;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import dev.pltrack.testkit.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** close() delivers what it can within the shutdown timeout; the rest reaches the dead-letter handler. */
class ShutdownTest {

    private static final int PENDING = 10_000;

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    @Test
    @Tag("slow")   // thousands of tracks: left out of mutation runs (pom.xml, profile pit)
    void closeWithTenThousandPendingAndALiveServerDeliversThemAll() {
        FakePromptLayer fake = promptLayer.server();
        RecordingDeadLetters deadLetters = new RecordingDeadLetters();
        // A timeout far above what 10,000 calls take here, so that a slow CI machine cannot fail it.
        DeliveryConfig config = Engines.config().shutdownTimeout(Duration.ofMinutes(2)).build();
        DeliveryEngine engine = Engines.engineFor(fake).config(config).deadLetterHandler(deadLetters).build();
        for (long id = 1; id <= PENDING; id++) {
            assertThat(engine.offer(TrackRequest.of(id, Map.of("n", Long.toString(id))))).isTrue();
        }
        assertThat(engine.stats().pending()).isGreaterThan(PENDING / 2);

        engine.close();

        DeliveryStats stats = engine.stats();
        assertThat(stats.delivered()).isEqualTo(PENDING);
        assertThat(stats.pending()).isZero();
        assertThat(stats.failed()).isZero();
        assertThat(deadLetters.letters).isEmpty();
        assertThat(fake.trackedRequestIds()).hasSize(PENDING)
                .containsAll(LongStream.rangeClosed(1, PENDING).boxed().toList());
    }

    @Test
    void withARefusingServerEveryPendingTrackReachesTheDeadLetterHandler() {
        RecordingDeadLetters deadLetters = new RecordingDeadLetters();
        PromptLayerClient client = Engines.clientFor(SilentServer.refusingBaseUrl(), "pl_dead", Duration.ofSeconds(1));
        DeliveryConfig config = Engines.config().shutdownTimeout(Duration.ofSeconds(1)).build();
        DeliveryEngine engine = DeliveryEngine.builder(client).config(config).deadLetterHandler(deadLetters).build();
        List<CompletableFuture<TrackResult>> futures = new ArrayList<>();
        for (long id = 1; id <= 200; id++) {
            futures.add(engine.track(id, Map.of("k", "v")));
        }

        engine.close();

        assertThat(deadLetters.requestIds()).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(deadLetters.letters).allSatisfy(letter -> assertThat(letter.reason())
                .isIn(FailureReason.NETWORK, FailureReason.SHUTDOWN_TIMEOUT));
        DeliveryStats stats = engine.stats();
        assertThat(stats.failed()).isEqualTo(200);
        assertThat(stats.pending()).isZero();
        assertThat(stats.awaitingRetry()).isZero();
        assertThat(stats.queued()).isZero();
        assertThat(futures).allMatch(CompletableFuture::isCompletedExceptionally);
    }

    @Test
    void withAServerThatNeverAnswersCloseGivesUpAtTheTimeout() throws Exception {
        RecordingDeadLetters deadLetters = new RecordingDeadLetters();
        Logger engineLogger = (Logger) LoggerFactory.getLogger(DeliveryEngine.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        engineLogger.addAppender(log);
        try (SilentServer hanging = new SilentServer()) {
            PromptLayerClient client = Engines.clientFor(hanging.baseUrl(), "pl_hang", Duration.ofSeconds(30));
            // 8 in flight, held by the server; 42 queued behind them.
            DeliveryConfig config = Engines.config().maxInFlight(8).shutdownTimeout(Duration.ofMillis(500)).build();
            DeliveryEngine engine = DeliveryEngine.builder(client).config(config).deadLetterHandler(deadLetters).build();
            for (long id = 1; id <= 50; id++) {
                engine.track(id, Map.of("k", "v"));
            }
            long started = System.nanoTime();

            engine.close();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(deadLetters.letters).hasSize(50)
                    .allSatisfy(letter -> assertThat(letter.reason()).isEqualTo(FailureReason.SHUTDOWN_TIMEOUT));
            assertThat(engine.stats().failed(FailureReason.SHUTDOWN_TIMEOUT)).isEqualTo(50);
            DeliveryStats closed = engine.stats();
            assertThat(closed.pending()).isZero();
            assertThat(closed.queued()).as("the queued gauge agrees with pending").isZero();
            assertThat(closed.awaitingRetry()).isZero();
            assertThat(closed.submitted()).isEqualTo(closed.coalesced() + closed.delivered() + closed.failed());
        } finally {
            engineLogger.detachAppender(log);
        }
        assertThat(log.list).anySatisfy(event -> assertThat(event.getFormattedMessage())
                .contains("50 of 50 pending tracks could not be delivered within PT0.5S")
                .contains("promptlayer.delivery.shutdown-timeout"));
    }

    @Test
    void aRetryDueAfterTheDeadlineIsGivenUpAtCloseInsteadOfWaitedFor() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.rateLimited(Duration.ofSeconds(2)));
        RecordingDeadLetters deadLetters = new RecordingDeadLetters();
        DeliveryEngine engine = retryingEngine(fake, Duration.ofSeconds(5), Duration.ofSeconds(1), deadLetters);
        engine.track(1L, Map.of("k", "v"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> engine.stats().awaitingRetry() == 1);
        long started = System.nanoTime();

        engine.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(900));
        assertThat(deadLetters.letters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo(FailureReason.RATE_LIMITED);
            assertThat(letter.attempts()).isEqualTo(1);
        });
        assertThat(engine.stats().awaitingRetry()).isZero();
    }

    @Test
    void aRetryDueBeforeTheDeadlineIsWaitedForAtClose() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.rateLimited(Duration.ofSeconds(1)));
        RecordingDeadLetters deadLetters = new RecordingDeadLetters();
        DeliveryEngine engine = retryingEngine(fake, Duration.ofSeconds(5), Duration.ofSeconds(20), deadLetters);
        CompletableFuture<TrackResult> delivery = engine.track(1L, Map.of("k", "v"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> engine.stats().awaitingRetry() == 1);

        engine.close();

        assertThat(deadLetters.letters).isEmpty();
        assertThat(delivery).isCompletedWithValueMatching(result -> result.attempts() == 2);
        assertThat(fake.received()).extracting(track -> track.responseStatus()).containsExactly(429, 200);
    }

    @Test
    void aFailureDuringCloseWhoseRetryWouldComeAfterTheDeadlineIsGivenUpAtOnce() {
        FakePromptLayer fake = promptLayer.server();
        fake.respondSlowly(Duration.ofMillis(300));
        fake.failNext(1, Fault.rateLimited(Duration.ofSeconds(30)));
        RecordingDeadLetters deadLetters = new RecordingDeadLetters();
        DeliveryEngine engine = retryingEngine(fake, Duration.ofMinutes(1), Duration.ofSeconds(5), deadLetters);
        engine.track(1L, Map.of("k", "v"));
        fake.awaitReceived(1, Duration.ofSeconds(5));   // under way when close() begins

        engine.close();

        // Not scheduled past the deadline and then abandoned there (SHUTDOWN_TIMEOUT): given up with its own failure.
        assertThat(deadLetters.letters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo(FailureReason.RATE_LIMITED);
            assertThat(letter.attempts()).isEqualTo(1);
        });
        assertThat(engine.stats().retried()).isZero();
    }

    @Test
    void closingTwiceIsHarmless() {
        DeliveryEngine engine = Engines.engineFor(promptLayer.server()).build();
        engine.close();
        engine.close();
        assertThat(engine.isClosed()).isTrue();
    }

    /** Retries 20 ms apart, a Retry-After obeyed up to {@code maxBackoff}; close() waits up to {@code shutdownTimeout}. */
    private static DeliveryEngine retryingEngine(FakePromptLayer fake, Duration maxBackoff, Duration shutdownTimeout,
            RecordingDeadLetters deadLetters) {
        PromptLayerClient client = PromptLayerClient.create(dev.pltrack.client.PromptLayerConfig.builder()
                .apiKey(fake.apiKey()).baseUrl(fake.baseUrl())
                .retryPolicy(new dev.pltrack.client.RetryPolicy(4, Duration.ofMillis(20), maxBackoff))
                .build());
        return DeliveryEngine.builder(client).config(Engines.config().shutdownTimeout(shutdownTimeout).build())
                .deadLetterHandler(deadLetters).build();
    }
}
