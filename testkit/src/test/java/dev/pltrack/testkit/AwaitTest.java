package dev.pltrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

class AwaitTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private final FakePromptLayer fake = promptLayer.server();
    private final TrackClient client = new TrackClient(fake);

    @Test
    void returnsAsSoonAsTheTracksOfABackgroundSenderArrive() {
        CompletableFuture.runAsync(
                () -> {
                    client.track(1, Map.of("a", "1"));
                    client.track(2, Map.of("a", "2"));
                },
                CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));

        long start = System.nanoTime();
        List<RecordedTrack> accepted = fake.awaitAccepted(2, Duration.ofSeconds(10));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(accepted).extracting(RecordedTrack::requestId).containsExactly(1L, 2L);
    }

    @Test
    void returnsImmediatelyWhenEnoughAlreadyArrived() {
        client.track(1, Map.of("a", "1"));

        assertThat(fake.awaitAccepted(1, Duration.ZERO)).hasSize(1);
        assertThat(fake.awaitAccepted(0, Duration.ZERO)).hasSize(1);
    }

    @Test
    void timesOutWithExpectedActualAndWhatWasReceived() {
        client.track(1, Map.of("user_id", "u1"));
        new TrackClient(fake.baseUrl(), "pl_wrong_key_000").track(2, Map.of("user_id", "u2"));
        fake.failNext(2, Fault.status(503));
        Duration timeout = Duration.ofMillis(200);

        long start = System.nanoTime();
        assertThatThrownBy(() -> fake.awaitAccepted(3, timeout))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Timed out after PT0.2S waiting for 3 accepted track(s)")
                .hasMessageContaining("expected at least 3, actual 1")
                .hasMessageContaining("2 queued fault(s) not yet used")
                .hasMessageContaining("2 request(s) received, 1 accepted")
                .hasMessageContaining("#1 -> 200 accepted, request_id=1, metadata={user_id=u1}")
                .hasMessageContaining("#2 -> 401 not accepted, request_id=2");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(timeout);
    }

    @Test
    void awaitReceivedCountsRejectedRequestsToo() {
        new TrackClient(fake.baseUrl(), "pl_wrong_key_000").track(1, Map.of("a", "1"));
        client.post("not json");

        assertThat(fake.awaitReceived(2, Duration.ofSeconds(1)))
                .extracting(RecordedTrack::responseStatus)
                .containsExactly(401, 400);
        assertThatThrownBy(() -> fake.awaitReceived(3, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "waiting for 3 received track(s): expected at least 3, actual 2");
    }

    @Test
    void awaitsLogsScoresAndPromptLinksOfABackgroundSender() {
        CompletableFuture.runAsync(
                () -> {
                    client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log());
                    client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(1, 50));
                    client.postWithKey(Endpoint.TRACK_PROMPT, Bodies.promptLink(1, "p"));
                },
                CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));

        assertThat(fake.awaitLogged(1, Duration.ofSeconds(10)))
                .extracting(RecordedLog::requestId)
                .containsExactly(1L);
        assertThat(fake.awaitScores(1, Duration.ofSeconds(10))).hasSize(1);
        assertThat(fake.awaitPromptLinks(1, Duration.ofSeconds(10))).hasSize(1);
    }

    @Test
    void awaitLoggedTimesOutSayingWhatArrivedInstead() {
        client.track(1, Map.of("a", "1"));
        client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log("status", "OK"));

        assertThatThrownBy(() -> fake.awaitLogged(1, Duration.ofMillis(100)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("waiting for 1 accepted log(s): expected at least 1, actual 0")
                .hasMessageContaining("#1 -> 200 accepted, request_id=1")
                .hasMessageContaining("#2 -> 422 not accepted, log-request, provider=openai");
        assertThatThrownBy(() -> fake.awaitScores(1, Duration.ofMillis(10)))
                .hasMessageContaining("waiting for 1 accepted score(s)");
        assertThatThrownBy(() -> fake.awaitPromptLinks(1, Duration.ofMillis(10)))
                .hasMessageContaining("waiting for 1 accepted prompt link(s)");
    }

    @Test
    void describesAnEmptyServer() {
        assertThatThrownBy(() -> fake.awaitAccepted(1, Duration.ofMillis(10)))
                .hasMessageContaining("actual 0")
                .hasMessageContaining("Nothing was received.");
    }

    @Test
    void anInterruptedWaitFailsAndKeepsTheInterruptFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> fake.awaitAccepted(1, Duration.ofSeconds(10)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
