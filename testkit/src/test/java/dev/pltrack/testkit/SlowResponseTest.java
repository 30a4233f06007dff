package dev.pltrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

class SlowResponseTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private static final Duration DELAY = Duration.ofMillis(400);

    private final FakePromptLayer fake = promptLayer.server();
    private final TrackClient client = new TrackClient(fake);

    @Test
    void delaysNormalAndFaultedAnswersUntilTurnedOff() {
        fake.respondSlowly(DELAY);
        assertThat(timed(() -> client.track(1, Map.of("a", "b")))).isGreaterThanOrEqualTo(DELAY);
        fake.failNext(1, Fault.status(503));
        assertThat(timed(() -> client.track(2, Map.of("a", "b")))).isGreaterThanOrEqualTo(DELAY);

        fake.respondSlowly(Duration.ZERO);

        assertThat(timed(() -> client.track(3, Map.of("a", "b")))).isLessThan(DELAY);
        assertThat(fake.received())
                .extracting(RecordedTrack::responseStatus)
                .containsExactly(200, 503, 200);
    }

    @Test
    void addsToTheDelayOfAFault() {
        fake.respondSlowly(Duration.ofMillis(200));
        fake.failNext(1, Fault.delay(Duration.ofMillis(200)));

        assertThat(timed(() -> client.track(1, Map.of("a", "b")))).isGreaterThanOrEqualTo(DELAY);
    }

    @Test
    void recordsTheRequestOnArrivalWhileTheAnswerIsStillDelayed() {
        fake.respondSlowly(Duration.ofSeconds(1));

        CompletableFuture<HttpResponse<String>> answer =
                CompletableFuture.supplyAsync(() -> client.track(1, Map.of("a", "b")));
        fake.awaitAccepted(1, Duration.ofSeconds(2));

        assertThat(answer).isNotDone();
        assertThat(answer.join().statusCode()).isEqualTo(200);
    }

    @Test
    void resetTurnsItOff() {
        fake.respondSlowly(Duration.ofSeconds(5));

        fake.reset();

        assertThat(timed(() -> client.track(1, Map.of("a", "b"))))
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void rejectsANegativeDelay() {
        assertThatThrownBy(() -> fake.respondSlowly(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fake.respondSlowly(null)).isInstanceOf(NullPointerException.class);
    }

    private static Duration timed(Supplier<HttpResponse<String>> call) {
        long start = System.nanoTime();
        call.get();
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
