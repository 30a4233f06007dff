package dev.pltrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

/** What PromptLayer holds per request id once a log and its tracks arrived. */
class RequestFamilyMergeTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private final FakePromptLayer fake = promptLayer.server();
    private final TrackClient client = new TrackClient(fake);

    @Test
    void tracksForALoggedIdMergeWithTheLogsMetadataLaterValuesWinning() {
        long id = log(Map.of("session_id", "s1", "user_id", "u1"));
        long other = log(Map.of("session_id", "s2"));
        client.track(id, Map.of("user_id", "u2", "plan", "pro"));
        client.track(other, Map.of("plan", "free"));
        client.track(id, Map.of("plan", "team"));

        assertThat(fake.metadataFor(id))
                .isEqualTo(Map.of("session_id", "s1", "user_id", "u2", "plan", "team"));
        assertThat(fake.metadataFor(other)).isEqualTo(Map.of("session_id", "s2", "plan", "free"));
        assertThat(fake.loggedRequest(id).orElseThrow().log().metadata())
                .as("the recording keeps what the log itself said")
                .isEqualTo(Map.of("session_id", "s1", "user_id", "u1"));
    }

    @Test
    void aLoggedIdWithoutTracksHoldsTheLogsMetadataButIsNotTracked() {
        long id = log(Map.of("session_id", "s1"));

        assertThat(fake.metadataFor(id)).isEqualTo(Map.of("session_id", "s1"));
        assertThat(fake.trackedRequestIds()).isEmpty();
        assertThat(fake.loggedRequestIds()).containsExactly(id);
    }

    @Test
    void loggedRequestShowsTheLogWithEverythingTrackedForItAsASnapshot() {
        long id = log(Map.of("a", "1"));
        client.track(id, Map.of("b", "2"));
        client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(id, "accuracy", 90));
        client.postWithKey(Endpoint.TRACK_PROMPT, Bodies.promptLink(id, "greeting").put("version", 1));
        client.postWithKey(Endpoint.TRACK_PROMPT, Bodies.promptLink(id, "greeting").put("version", 2));

        RequestLog stored = fake.loggedRequest(id).orElseThrow();
        client.track(id, Map.of("c", "3"));

        assertThat(stored.id()).isEqualTo(id);
        assertThat(stored.log().provider()).isEqualTo("openai");
        assertThat(stored.metadata()).isEqualTo(Map.of("a", "1", "b", "2"));
        assertThat(stored.scores()).isEqualTo(Map.of("accuracy", 90));
        assertThat(stored.promptLink().version()).isEqualTo("2");
        assertThat(fake.loggedRequest(id).orElseThrow().metadata()).containsEntry("c", "3");
        assertThatThrownBy(() -> stored.metadata().put("d", "4"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void tracksForAnIdTheFakeNeverLoggedAreKeptButMakeNoLog() {
        client.track(99, Map.of("a", "1"));

        assertThat(fake.metadataFor(99)).isEqualTo(Map.of("a", "1"));
        assertThat(fake.loggedRequest(99)).isEmpty();
        assertThat(fake.loggedRequest(1)).isEmpty();
    }

    @Test
    void rejectedAndFaultedCallsStoreNothing() {
        long id = log(Map.of("a", "1"));
        client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(id, 101));
        fake.failNext(1, Fault.status(503));
        client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(id, 50));
        fake.failNext(1, Fault.successFalse("no"));
        client.postWithKey(Endpoint.TRACK_PROMPT, Bodies.promptLink(id, "p"));

        assertThat(fake.scoresFor(id)).isEmpty();
        assertThat(fake.promptLinkFor(id)).isEmpty();
        assertThat(fake.calls()).hasSize(4);
    }

    @Test
    void resetForgetsEverythingAndGivesOutIdsFromTheFirstAgain() {
        long id = log(Map.of("a", "1"));
        client.track(id, Map.of("b", "2"));
        client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(id, 1));
        client.postWithKey(Endpoint.TRACK_PROMPT, Bodies.promptLink(id, "p"));
        fake.failNext(Endpoint.TRACK_SCORE, 3, Fault.status(500));

        fake.reset();

        assertThat(fake.calls()).isEmpty();
        assertThat(fake.logged()).isEmpty();
        assertThat(fake.receivedScores()).isEmpty();
        assertThat(fake.receivedPromptLinks()).isEmpty();
        assertThat(fake.loggedRequest(id)).isEmpty();
        assertThat(fake.metadataFor(id)).isEmpty();
        assertThat(fake.scoresFor(id)).isEmpty();
        assertThat(fake.promptLinkFor(id)).isEmpty();
        assertThat(fake.acceptedCount(Endpoint.LOG_REQUEST)).isZero();
        assertThat(log(Map.of())).isEqualTo(id).isEqualTo(1L);
        assertThat(client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(1, 5)).statusCode())
                .as("the queued faults are gone")
                .isEqualTo(200);
        assertThat(fake.calls()).extracting(RecordedCall::sequence).containsExactly(1L, 2L);
    }

    @Test
    void resetGoesBackToTheConfiguredFirstId() {
        try (FakePromptLayer other = FakePromptLayer.builder().firstRequestId(1000).start()) {
            TrackClient otherClient = new TrackClient(other);
            otherClient.postWithKey(Endpoint.LOG_REQUEST, Bodies.log());
            otherClient.postWithKey(Endpoint.LOG_REQUEST, Bodies.log());

            other.reset();

            assertThat(LogRequestEndpointTest.idOf(otherClient.postWithKey(Endpoint.LOG_REQUEST, Bodies.log())))
                    .isEqualTo(1000L);
        }
        assertThatThrownBy(() -> FakePromptLayer.builder().firstRequestId(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    private long log(Map<String, String> metadata) {
        var body = Bodies.log();
        body.set("metadata", TrackClient.jsonNode(Json.write(metadata)));
        return LogRequestEndpointTest.idOf(client.postWithKey(Endpoint.LOG_REQUEST, body));
    }
}
