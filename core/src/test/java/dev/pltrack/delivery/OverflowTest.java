package dev.pltrack.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.pltrack.client.FailureReason;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.client.TrackResult;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** A full queue refuses, counts and warns; what it accepted is still delivered. */
class OverflowTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private final Logger engineLogger = (Logger) LoggerFactory.getLogger(DeliveryEngine.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        engineLogger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        engineLogger.detachAppender(log);
    }

    @Test
    void byDefaultTheNewestTrackIsRefusedCountedAndWarnedAboutOnce() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.respondSlowly(Duration.ofMillis(300));
        DeliveryConfig config = Engines.config().queueCapacity(5).maxInFlight(1).build();
        List<CompletableFuture<TrackResult>> futures = new ArrayList<>();
        try (DeliveryEngine engine = Engines.engineFor(fake).config(config).build()) {
            for (long id = 1; id <= 20; id++) {
                futures.add(engine.track(id, Map.of("k", "v" + id)));
            }
            DeliveryStats atPeak = engine.stats();
            assertThat(atPeak.submitted()).isEqualTo(5);
            assertThat(atPeak.rejected()).isEqualTo(15);
            assertThat(atPeak.rejected(FailureReason.QUEUE_FULL)).isEqualTo(15);
            assertThat(atPeak.pending()).isEqualTo(5);
            assertThat(atPeak.saturation()).isEqualTo(1.0);
            for (CompletableFuture<TrackResult> refused : futures.subList(5, 20)) {
                assertThat(refused).isCompletedExceptionally();
                assertThatThrownBy(refused::join).hasCauseInstanceOf(TrackRejectedException.class)
                        .hasMessageContaining("the delivery queue is full (promptlayer.delivery.queue-capacity=5)");
            }
            for (CompletableFuture<TrackResult> accepted : futures.subList(0, 5)) {
                accepted.get(10, TimeUnit.SECONDS);
            }
            assertThat(engine.stats().delivered()).isEqualTo(5);
        }
        assertThat(fake.trackedRequestIds()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
        List<ILoggingEvent> warnings = log.list.stream().filter(event -> event.getLevel() == Level.WARN).toList();
        assertThat(warnings).singleElement().satisfies(warning -> assertThat(warning.getFormattedMessage())
                .contains("PromptLayer delivery queue is full (5 pending, DROP_NEWEST): Track for request 6 refused")
                .contains("promptlayer.delivery.queue-capacity"));
    }

    @Test
    void aTrackForAnIdAlreadyWaitingIsMergedEvenWhenTheQueueIsFull() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.respondSlowly(Duration.ofMillis(300));
        DeliveryConfig config = Engines.config().queueCapacity(2).maxInFlight(1).build();
        try (DeliveryEngine engine = Engines.engineFor(fake).config(config).build()) {
            engine.track(1L, Map.of("k", "v"));
            fake.awaitReceived(1, Duration.ofSeconds(5));
            engine.track(2L, Map.of("a", "1"));

            assertThat(engine.offer(TrackRequest.of(2L, Map.of("b", "2")))).isTrue();
            assertThat(engine.offer(TrackRequest.of(3L, Map.of("c", "3")))).isFalse();
            assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(fake.metadataFor(2L)).isEqualTo(Map.of("a", "1", "b", "2"));
    }

    @Test
    void theBlockingPolicyWaitsForRoom() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.respondSlowly(Duration.ofMillis(200));
        DeliveryConfig config = Engines.config().queueCapacity(1).maxInFlight(1)
                .overflowPolicy(OverflowPolicy.BLOCK).blockTimeout(Duration.ofSeconds(10)).build();
        try (DeliveryEngine engine = Engines.engineFor(fake).config(config).build()) {
            for (long id = 1; id <= 4; id++) {
                assertThat(engine.offer(TrackRequest.of(id, Map.of("k", "v")))).isTrue();
            }
            assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(engine.stats().rejected()).isZero();
        }
        assertThat(fake.trackedRequestIds()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
    }

    @Test
    void theBlockingPolicyRefusesWhenItsTimeoutRunsOut() {
        FakePromptLayer fake = promptLayer.server();
        fake.respondSlowly(Duration.ofSeconds(2));
        DeliveryConfig config = Engines.config().queueCapacity(1).maxInFlight(1)
                .overflowPolicy(OverflowPolicy.BLOCK).blockTimeout(Duration.ofMillis(100)).build();
        try (DeliveryEngine engine = Engines.engineFor(fake).config(config).build()) {
            engine.track(1L, Map.of("k", "v"));
            long started = System.nanoTime();

            CompletableFuture<TrackResult> refused = engine.track(2L, Map.of("k", "v"));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
            assertThat(refused).isCompletedExceptionally();
            assertThat(engine.stats().rejected(FailureReason.QUEUE_FULL)).isEqualTo(1);
        }
    }
}
