package dev.pltrack.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import dev.pltrack.testkit.Fault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PltrackHealthCheckTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private final MovableClock clock = new MovableClock();
    private DeliveryEngine engine;

    @AfterEach
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void anIdleEngineIsUpWithItsCountersInTheDetails() throws InterruptedException {
        engine = engine(promptLayer.server().apiKey(), 100);
        engine.track(1L, Map.of("a", "b"));
        assertThat(engine.flush(WAIT)).isTrue();

        PltrackHealth health = check().check();

        assertThat(health.up()).isTrue();
        assertThat(health.reason()).isNull();
        assertThat(health.details()).containsEntry("pending", 0).containsEntry("capacity", 100)
                .containsEntry("saturation", 0.0).containsEntry("submitted", 1L).containsEntry("delivered", 1L)
                .containsEntry("failed", 0L).doesNotContainKey("lastFailure");
    }

    @Test
    void aRefusedKeyIsDownForTheWindowAndNeverShowsTheKey() throws InterruptedException {
        String wrongKey = "pl_wrong_key_that_must_stay_secret";
        engine = engine(wrongKey, 100);
        PltrackHealthCheck check = check();
        engine.track(2L, Map.of("a", "b"));
        assertThat(engine.flush(WAIT)).isTrue();

        PltrackHealth health = check.check();
        assertThat(health.up()).isFalse();
        assertThat(health.reason()).contains("401").contains("promptlayer.api-key");
        assertThat(health.details()).containsEntry("lastFailure", "UNAUTHORIZED").containsKey("apiKeyRefusedAt")
                .containsKey("lastFailureAt");
        assertThat(health.toString()).doesNotContain(wrongKey);

        clock.advance(PltrackHealthCheck.DEFAULT_AUTH_FAILURE_WINDOW.plusSeconds(1));
        assertThat(check.check().up()).isTrue();
    }

    @Test
    void aRefusedKeyFollowedByAnotherFailureIsStillDown() throws InterruptedException {
        FakePromptLayer fake = promptLayer.server();
        engine = engine(fake.apiKey(), 100);
        PltrackHealthCheck check = check();
        fake.failNext(1, Fault.status(401));
        engine.track(3L, Map.of("a", "b"));
        assertThat(engine.flush(WAIT)).isTrue();
        assertThat(check.check().up()).isFalse();

        fake.failNext(1, Fault.status(404));
        engine.track(4L, Map.of("a", "b"));
        assertThat(engine.flush(WAIT)).isTrue();

        PltrackHealth health = check.check();
        assertThat(health.details()).containsEntry("lastFailure", "NOT_FOUND");
        assertThat(health.up()).isFalse();
    }

    @Test
    void aDeliveryAfterTheRefusalMeansTheKeyWorksAgain() throws InterruptedException {
        FakePromptLayer fake = promptLayer.server();
        engine = engine(fake.apiKey(), 100);
        PltrackHealthCheck check = check();
        fake.failNext(1, Fault.status(403));
        engine.track(5L, Map.of("a", "b"));
        assertThat(engine.flush(WAIT)).isTrue();
        assertThat(check.check().up()).isFalse();

        engine.track(6L, Map.of("a", "b"));
        assertThat(engine.flush(WAIT)).isTrue();

        assertThat(check.check().up()).isTrue();
    }

    @Test
    void aRefusalFollowedByADeliveryIsUpAtTheFirstCheckAfterBoth() throws InterruptedException {
        FakePromptLayer fake = promptLayer.server();
        engine = engine(fake.apiKey(), 100);
        fake.failNext(1, Fault.status(401));
        engine.track(7L, Map.of("a", "b"));
        assertThat(engine.flush(WAIT)).isTrue();
        engine.track(8L, Map.of("a", "b"));
        assertThat(engine.flush(WAIT)).isTrue();

        // Nobody asked in between: the order of the events decides, not when health is queried.
        PltrackHealth health = check().check();

        assertThat(health.up()).as(health.toString()).isTrue();
        assertThat(engine.stats().deliveredSinceKeyRefused()).isTrue();
        assertThat(engine.stats().lastKeyRefusedAt()).isPresent();
    }

    @Test
    void aFreshCheckOnAnEngineThatWasRefusedAndNothingSinceIsDown() throws InterruptedException {
        FakePromptLayer fake = promptLayer.server();
        engine = engine(fake.apiKey(), 100);
        engine.track(9L, Map.of("a", "b"));
        assertThat(engine.flush(WAIT)).isTrue();
        fake.failNext(1, Fault.status(401));
        engine.track(10L, Map.of("a", "b"));
        assertThat(engine.flush(WAIT)).isTrue();

        assertThat(check().check().up()).as("a delivery before the refusal does not count").isFalse();
    }

    @Test
    void aNearlyFullQueueIsDown() {
        FakePromptLayer fake = promptLayer.server();
        fake.respondSlowly(Duration.ofSeconds(3));
        engine = engine(fake.apiKey(), 10);
        for (long id = 10; id < 19; id++) {
            engine.track(id, Map.of("a", "b"));
        }

        PltrackHealth health = check().check();

        assertThat(health.up()).isFalse();
        assertThat(health.reason()).contains("90% full").contains("promptlayer.delivery.queue-capacity");
        assertThat(health.details()).containsEntry("pending", 9).containsEntry("saturation", 0.9);
    }

    @Test
    void aClosedEngineIsDown() {
        engine = engine(promptLayer.server().apiKey(), 100);
        engine.close();

        PltrackHealth health = check().check();

        assertThat(health.up()).isFalse();
        assertThat(health.reason()).contains("closed");
    }

    @Test
    void anOutageIsDownSayingSinceWhen() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(100, Fault.status(503));
        engine = engine(fake.apiKey(), 100);
        for (long id = 20; id < 23; id++) {
            engine.track(id, Map.of("a", "b"));
        }
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> engine.stats().outage());

        PltrackHealth health = check().check();

        assertThat(health.up()).isFalse();
        assertThat(health.reason()).contains("unreachable since " + engine.stats().outageSince().orElseThrow());
        assertThat(health.details()).containsEntry("outage", true).containsKey("outageSince")
                .containsEntry("lastFailure", "SERVER_ERROR");
    }

    @Test
    void theThresholdMustBeARatio() {
        engine = engine(promptLayer.server().apiKey(), 100);
        assertThatThrownBy(() -> new PltrackHealthCheck(engine, clock, 1.5, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("saturationThreshold");
        assertThatThrownBy(() -> new PltrackHealthCheck(engine, clock, 0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("saturationThreshold");
        assertThat(new PltrackHealthCheck(engine, clock, 1, Duration.ofMinutes(1)).check().up())
                .as("1 (down only when full) is a ratio").isTrue();
    }

    private PltrackHealthCheck check() {
        return new PltrackHealthCheck(engine, clock, PltrackHealthCheck.DEFAULT_SATURATION_THRESHOLD,
                PltrackHealthCheck.DEFAULT_AUTH_FAILURE_WINDOW);
    }

    private static DeliveryEngine engine(String apiKey, int capacity) {
        FakePromptLayer fake = promptLayer.server();
        PromptLayerClient client = PromptLayerClient.create(PromptLayerConfig.builder()
                .apiKey(apiKey)
                .baseUrl(fake.baseUrl())
                .retryPolicy(RetryPolicy.noRetries())
                .build());
        return DeliveryEngine.builder(client)
                .config(DeliveryConfig.builder().queueCapacity(capacity).shutdownTimeout(Duration.ofMillis(200)).build())
                .build();
    }

    /** The health window is measured on this clock; failures are stamped by the engine's own. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
