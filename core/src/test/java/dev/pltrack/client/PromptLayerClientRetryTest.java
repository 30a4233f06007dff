package dev.pltrack.client;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import dev.pltrack.testkit.Fault;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retries happen on 429, 5xx and broken connections only, and end when the policy says so. */
class PromptLayerClientRetryTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    @Test
    void threeServerErrorsThenSuccessIsOneSuccess() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(3, Fault.status(500));

        TrackResult result = FakeBackedClients.clientFor(fake).track(21L, Map.of("k", "v"));

        assertThat(result.attempts()).isEqualTo(4);
        assertThat(fake.received()).hasSize(4);
        assertThat(fake).hasAcceptedTracks(1).hasTracked(21L, Map.of("k", "v"));
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastFailure() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(3, Fault.status(502));
        fake.failNext(1, Fault.status(503));

        PromptLayerServerException failure = catchThrowableOfType(PromptLayerServerException.class,
                () -> FakeBackedClients.clientFor(fake).track(21L, Map.of("k", "v")));

        assertThat(failure.status()).isEqualTo(503);
        assertThat(fake.received()).hasSize(4);
        assertThat(fake).hasNotTracked(21L);
    }

    @Test
    void waitsForRetryAfterBeforeTheNextAttempt() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.rateLimited(Duration.ofSeconds(1)));

        long started = System.nanoTime();
        TrackResult result = FakeBackedClients.clientFor(fake).track(22L, Map.of("k", "v"));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(waited).isBetween(Duration.ofMillis(950), Duration.ofMillis(4000));
        Duration gap = Duration.between(fake.received().get(0).receivedAt(), fake.received().get(1).receivedAt());
        assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void aRetryAfterLongerThanMaxBackoffEndsTheRetries() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.rateLimited(Duration.ofSeconds(60)));

        PromptLayerRateLimitedException failure = catchThrowableOfType(PromptLayerRateLimitedException.class,
                () -> FakeBackedClients.clientFor(fake).track(23L, Map.of("k", "v")));

        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(60));
        assertThat(fake.received()).hasSize(1);
    }

    @Test
    void retriesDroppedConnections() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.dropConnection());
        fake.failNext(1, Fault.emptyResponse());

        TrackResult result = FakeBackedClients.clientFor(fake).track(24L, Map.of("k", "v"));

        assertThat(result.attempts()).isEqualTo(3);
        assertThat(fake).hasTracked(24L, Map.of("k", "v"));
    }

    @ParameterizedTest(name = "{0} is not retried")
    @ValueSource(ints = {400, 401, 403, 404, 409, 422})
    void clientErrorsAreNotRetried(int status) {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.status(status));

        PromptLayerHttpException failure = catchThrowableOfType(PromptLayerHttpException.class,
                () -> FakeBackedClients.clientFor(fake).track(25L, Map.of("k", "v")));

        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.isRetryable()).isFalse();
        assertThat(fake.received()).hasSize(1);
    }

    @Test
    void successFalseIsNotRetried() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.successFalse("no"));

        catchThrowableOfType(PromptLayerNotAcceptedException.class,
                () -> FakeBackedClients.clientFor(fake).track(26L, Map.of("k", "v")));

        assertThat(fake.received()).hasSize(1);
    }

    @Test
    void trackOnceNeverRetries() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.status(500));

        catchThrowableOfType(PromptLayerServerException.class,
                () -> FakeBackedClients.clientFor(fake).trackOnce(TrackRequest.of(27L, Map.of("k", "v"))));

        assertThat(fake.received()).hasSize(1);
    }

    @Test
    void anInterruptedWaitStopsWithTheFailureAndKeepsTheInterrupt() throws InterruptedException {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.rateLimited(Duration.ofSeconds(2)));
        PromptLayerClient client = FakeBackedClients.clientFor(fake);
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            fake.awaitReceived(1, Duration.ofSeconds(5));
            try {
                Thread.sleep(300); // let the caller read the 429 and start its 2 s wait
            } catch (InterruptedException e) {
                return;
            }
            caller.interrupt();
        });

        interrupter.start();
        boolean stillInterrupted;
        try {
            catchThrowableOfType(PromptLayerRateLimitedException.class, () -> client.track(28L, Map.of("k", "v")));
        } finally {
            // Read and clear the flag before joining: join() itself would throw on it.
            stillInterrupted = Thread.interrupted();
            interrupter.join();
        }
        assertThat(stillInterrupted).isTrue();
        assertThat(fake.received()).hasSize(1);
    }
}
