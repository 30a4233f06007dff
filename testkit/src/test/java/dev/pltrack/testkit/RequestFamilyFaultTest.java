package dev.pltrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Fault injection on the endpoints beyond track-metadata, and aimed at one endpoint. */
class RequestFamilyFaultTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private final FakePromptLayer fake = promptLayer.server();
    private final TrackClient client = new TrackClient(fake);

    @Test
    void failNextHitsTheNextRequestsWhicheverEndpointTheyAreFor() {
        fake.failNext(3, Fault.status(503));

        int log = client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log()).statusCode();
        int score = client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(1, 5)).statusCode();
        int prompt = client.postWithKey(Endpoint.TRACK_PROMPT, Bodies.promptLink(1, "p")).statusCode();
        int logAgain = client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log()).statusCode();

        assertThat(new int[] {log, score, prompt, logAgain}).containsExactly(503, 503, 503, 201);
        assertThat(fake.calls()).extracting(RecordedCall::responseStatus).containsExactly(503, 503, 503, 201);
    }

    @Test
    void aLogThatAFaultAnsweredTakesNoId() {
        fake.failNext(1, Fault.status(500));
        fake.failNext(1, Fault.rateLimited(Duration.ofSeconds(2)));
        fake.failNext(1, Fault.status(200, "{\"success\": true}"));

        HttpResponse<String> failed = client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log());
        HttpResponse<String> limited = client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log());
        HttpResponse<String> fakeSuccess = client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log());
        long id = LogRequestEndpointTest.idOf(client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log()));

        assertThat(TrackClient.json(failed.body()).get("message").asText())
                .isEqualTo("Internal Server Error");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(fakeSuccess.statusCode()).isEqualTo(200);
        assertThat(id).isEqualTo(1L);
        assertThat(fake.receivedLogs())
                .extracting(RecordedLog::accepted)
                .containsExactly(false, false, false, true);
        assertThat(fake.loggedRequestIds()).containsExactly(1L);
    }

    @Test
    void aDelayedLogIsStillLoggedWithItsId() {
        fake.failNext(1, Fault.delay(Duration.ofMillis(300)));

        long start = System.nanoTime();
        HttpResponse<String> response = client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(LogRequestEndpointTest.idOf(response)).isEqualTo(1L);
        assertThat(fake.loggedRequest(1)).isPresent();
    }

    @Test
    void aStatusThatImitatesSuccessStoresAScoreAsItStoresATrack() {
        fake.failNext(1, Fault.status(200, "{\"success\": true}"));

        client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(4, 80));

        assertThat(fake.scoresFor(4)).isEqualTo(Map.of("default", 80));
    }

    @Test
    void aFaultAimedAtOneEndpointLetsTheOthersPassItBy() {
        fake.failNext(Endpoint.TRACK_SCORE, 1, Fault.status(503));
        fake.failNext(1, Fault.status(502));

        int log = client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log()).statusCode();
        int track = client.track(1, Map.of("a", "b")).statusCode();
        int score = client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(1, 5)).statusCode();
        int scoreAgain = client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(1, 6)).statusCode();

        assertThat(new int[] {log, track, score, scoreAgain}).containsExactly(502, 200, 503, 200);
        assertThat(fake.scoresFor(1)).isEqualTo(Map.of("default", 6));
    }

    @Test
    void faultsForAnEndpointQueueUpInOrder() {
        fake.failNext(Endpoint.LOG_REQUEST, 2, Fault.status(500));
        fake.failNext(Endpoint.LOG_REQUEST, 1, Fault.successFalse("later"));

        int[] statuses = new int[4];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log()).statusCode();
        }

        assertThat(statuses).containsExactly(500, 500, 200, 201);
        assertThat(client.track(1, Map.of("a", "b")).statusCode()).isEqualTo(200);
    }

    @Test
    void aDroppedConnectionOnAScoreIsAnIoErrorAndRecorded() {
        fake.failNext(Endpoint.TRACK_SCORE, 1, Fault.dropConnection());

        assertThatThrownBy(
                        () ->
                                client.postToOrThrow(
                                        Endpoint.TRACK_SCORE,
                                        Bodies.score(1, 5).toString(),
                                        "X-API-KEY",
                                        fake.apiKey()))
                .isInstanceOf(IOException.class);
        assertThat(fake.receivedScores())
                .singleElement()
                .satisfies(score -> assertThat(score.responseStatus()).isEqualTo(-1));
        assertThat(fake.scoresFor(1)).isEmpty();
    }

    @Test
    void aNonJsonPageOnTrackPromptIsNotAccepted() {
        fake.failNext(Endpoint.TRACK_PROMPT, 1, Fault.nonJsonOk());

        HttpResponse<String> response = client.postWithKey(Endpoint.TRACK_PROMPT, Bodies.promptLink(1, "p"));

        assertThat(response.body()).startsWith("<!DOCTYPE html>");
        assertThat(fake.promptLinkFor(1)).isEmpty();
    }

    @Test
    void respondSlowlyDelaysEveryEndpoint() {
        fake.respondSlowly(Duration.ofMillis(300));

        for (Endpoint endpoint : Endpoint.values()) {
            Object body =
                    endpoint == Endpoint.LOG_REQUEST
                            ? Bodies.log()
                            : endpoint == Endpoint.TRACK_SCORE
                                    ? Bodies.score(1, 1)
                                    : endpoint == Endpoint.TRACK_PROMPT
                                            ? Bodies.promptLink(1, "p")
                                            : Bodies.metadata(1, "a", "b");
            long start = System.nanoTime();
            assertThat(client.postWithKey(endpoint, body).statusCode()).isBetween(200, 201);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as(endpoint.toString())
                    .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> fake.failNext(null, 1, Fault.status(500)))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> fake.failNext(Endpoint.LOG_REQUEST, -1, Fault.status(500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fake.failNext(Endpoint.LOG_REQUEST, 1, null))
                .isInstanceOf(NullPointerException.class);
    }
}
