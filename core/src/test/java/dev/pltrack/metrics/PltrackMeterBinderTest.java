package dev.pltrack.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import dev.pltrack.testkit.Fault;
import dev.pltrack.tracking.TrackMetadataHandler;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PltrackMeterBinderTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    public interface Rating {
        @TrackMetadata("kind=rating")
        void rate(@PromptLayerRequestId Long id);
    }

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private DeliveryEngine engine;
    private TrackMetadataHandler handler;

    @BeforeEach
    void startEngine() {
        FakePromptLayer fake = promptLayer.server();
        engine = DeliveryEngine.builder(PromptLayerClient.create(PromptLayerConfig.builder()
                        .apiKey(fake.apiKey())
                        .baseUrl(fake.baseUrl())
                        .retryPolicy(RetryPolicy.noRetries())
                        .build()))
                .config(DeliveryConfig.builder().queueCapacity(50).build())
                .build();
        handler = TrackMetadataHandler.builder(engine::offer).build();
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void countersFollowTheEngineAndTheHandler() throws InterruptedException {
        new PltrackMeterBinder(engine, handler).bindTo(registry);
        Rating rating = handler.proxy(Rating.class, id -> { });
        promptLayer.server().failNext(1, Fault.status(422));

        rating.rate(1L);
        assertThat(engine.flush(Duration.ofSeconds(5))).isTrue();
        rating.rate(2L);
        rating.rate(null);
        assertThat(engine.flush(Duration.ofSeconds(5))).isTrue();

        assertThat(count("pltrack.tracks.submitted")).isEqualTo(2);
        assertThat(count("pltrack.tracks.delivered")).isEqualTo(1);
        assertThat(registry.get("pltrack.tracks.failed").tag("reason", "unprocessable").functionCounter().count())
                .isEqualTo(1);
        assertThat(registry.get("pltrack.tracks.failed").tag("reason", "network").functionCounter().count())
                .isZero();
        assertThat(registry.get("pltrack.calls").tag("outcome", "tracked").functionCounter().count()).isEqualTo(2);
        assertThat(registry.get("pltrack.calls").tag("outcome", "no_request_id").functionCounter().count())
                .isEqualTo(1);
        assertThat(registry.get("pltrack.queue.capacity").gauge().value()).isEqualTo(50);
        assertThat(registry.get("pltrack.queue.pending").gauge().value()).isZero();
        assertThat(registry.get("pltrack.delivery.latency.max").timeGauge().value(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(registry.find("pltrack.calls").functionCounters())
                .extracting(counter -> counter.getId().getTag("outcome"))
                .containsExactlyInAnyOrder("tracked", "refused", "no_request_id", "invalid", "misused", "error");
    }

    @Test
    void everyDeliveryFigureReachesItsMeter() throws InterruptedException {
        FakePromptLayer fake = promptLayer.server();
        PromptLayerClient client = PromptLayerClient.create(PromptLayerConfig.builder()
                .apiKey(fake.apiKey())
                .baseUrl(fake.baseUrl())
                .retryPolicy(new RetryPolicy(4, Duration.ofMillis(20), Duration.ofSeconds(10)))
                .build());
        try (DeliveryEngine busy = DeliveryEngine.builder(client)
                .config(DeliveryConfig.builder().queueCapacity(50).shutdownTimeout(Duration.ofSeconds(1)).build())
                .build()) {
            new PltrackMeterBinder(busy, null).bindTo(registry);

            // A call held by a slow server: in flight and pending.
            fake.respondSlowly(Duration.ofSeconds(2));
            busy.track(10L, Map.of("a", "b"));
            await().atMost(Duration.ofSeconds(5)).until(() -> busy.stats().inFlight() == 1);
            assertThat(gauge("pltrack.delivery.in.flight")).isEqualTo(1);
            assertThat(gauge("pltrack.queue.pending")).isEqualTo(1);
            fake.respondSlowly(Duration.ZERO);
            assertThat(busy.flush(Duration.ofSeconds(10))).isTrue();

            // A 429 with Retry-After pauses all sending and shrinks the window; a track for the same id
            // arriving during the retry pause merges into the retry.
            fake.failNext(1, Fault.rateLimited(Duration.ofSeconds(3)));
            busy.track(1L, Map.of("a", "1"));
            await().atMost(Duration.ofSeconds(5)).until(() -> busy.stats().awaitingRetry() == 1);
            assertThat(gauge("pltrack.delivery.paused")).as("within the 3 s pause").isEqualTo(1);
            busy.track(1L, Map.of("b", "2"));
            assertThat(busy.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(gauge("pltrack.delivery.paused")).isZero();
            assertThat(count("pltrack.tracks.coalesced")).isEqualTo(1);
            assertThat(count("pltrack.tracks.retried")).isEqualTo(1);
            assertThat(count("pltrack.delivery.pauses")).isEqualTo(1);
            assertThat(count("pltrack.delivery.window.decreases")).isEqualTo(busy.stats().windowDecreases()).isPositive();
            assertThat(registry.get("pltrack.delivery.latency.mean").timeGauge().value(TimeUnit.NANOSECONDS))
                    .isEqualTo(busy.stats().latencyMean().toNanos()).isPositive();

            // 503s in a row: an outage, the tracks waiting in the queue.
            fake.failNext(1000, Fault.status(503));
            for (long id = 2; id <= 4; id++) {
                busy.track(id, Map.of("a", "b"));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> busy.stats().outage());
            assertThat(gauge("pltrack.delivery.outage")).isEqualTo(1);
            assertThat(count("pltrack.delivery.outages")).isEqualTo(1);
            assertThat(gauge("pltrack.queue.pending")).isEqualTo(3);
        }
    }

    @Test
    void refusalsAreCountedByReason() {
        new PltrackMeterBinder(engine, null).bindTo(registry);
        engine.close();

        engine.offer(dev.pltrack.client.TrackRequest.of(3L, Map.of("a", "b")));

        assertThat(registry.get("pltrack.tracks.rejected").tag("reason", "engine_closed").functionCounter().count())
                .isEqualTo(1);
        assertThat(registry.get("pltrack.tracks.rejected").tag("reason", "queue_full").functionCounter().count())
                .isZero();
    }

    @Test
    void withoutAHandlerOnlyTheEngineIsMeteredAndCommonTagsApplyToAll() {
        new PltrackMeterBinder(engine, null, Tags.of("engine", "main")).bindTo(registry);

        assertThat(registry.find("pltrack.calls").meters()).isEmpty();
        assertThat(registry.getMeters()).isNotEmpty()
                .allSatisfy(meter -> assertThat(meter.getId().getTag("engine")).isEqualTo("main"))
                .extracting(meter -> meter.getId().getName())
                .contains("pltrack.tracks.submitted", "pltrack.queue.saturation", "pltrack.delivery.in.flight",
                        "pltrack.delivery.window", "pltrack.delivery.paused", "pltrack.delivery.pauses",
                        "pltrack.delivery.window.decreases", "pltrack.delivery.outage", "pltrack.delivery.outages");
        assertThat(registry.getMeters().stream().map(Meter::getId).map(Meter.Id::getName).distinct().count())
                .isEqualTo(18);
        assertThat(registry.get("pltrack.delivery.window").gauge().value())
                .isEqualTo(DeliveryConfig.DEFAULT_MAX_IN_FLIGHT);
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private double count(String name) {
        return registry.get(name).functionCounter().count();
    }
}
