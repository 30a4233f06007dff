package dev.pltrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.util.Map;

class TrackScoreEndpointTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private static final String KEY = FakePromptLayer.DEFAULT_API_KEY;

    private final FakePromptLayer fake = promptLayer.server();
    private final TrackClient client = new TrackClient(fake);

    @Test
    void answers200SuccessAndStoresTheScoreAsDefault() {
        HttpResponse<String> response = client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(7, 90));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(TrackClient.json(response.body()))
                .isEqualTo(
                        TrackClient.json(
                                "{\"success\":true,\"message\":\"Score tracked successfully\"}"));
        assertThat(fake.scoresFor(7)).isEqualTo(Map.of("default", 90));
        RecordedScore score = fake.receivedScores().get(0);
        assertThat(score.endpoint()).isEqualTo(Endpoint.TRACK_SCORE);
        assertThat(score.requestId()).isEqualTo(7L);
        assertThat(score.name()).isEqualTo("default");
        assertThat(score.score()).isEqualTo(90);
        assertThat(score.accepted()).isTrue();
        assertThat(score.header("X-API-KEY")).isEqualTo(KEY);
        assertThat(fake.acceptedCount(Endpoint.TRACK_SCORE)).isEqualTo(1);
    }

    @Test
    void keepsSeveralNamesPerRequestAndALaterScoreOfANameWins() {
        client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(7, "accuracy", 40));
        client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(7, 100));
        client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(8, "accuracy", 1));
        client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(7, "tone", 70));
        client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(7, "accuracy", 85));
        client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(7, "default", 0));

        assertThat(fake.scoresFor(7))
                .containsExactly(
                        Map.entry("accuracy", 85), Map.entry("default", 0), Map.entry("tone", 70));
        assertThat(fake.scoresFor(8)).isEqualTo(Map.of("accuracy", 1));
        assertThat(fake.scoresFor(9)).isEmpty();
        assertThatThrownBy(() -> fake.scoresFor(7).put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aNullNameIsTheDefault() {
        client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(7, 50).putNull("name"));

        assertThat(fake.scoresFor(7)).isEqualTo(Map.of("default", 50));
    }

    @Test
    void aLogsOwnScoreIsTheDefaultScoreThatALaterTrackReplaces() {
        long id =
                LogRequestEndpointTest.idOf(
                        client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log().put("score", 60)));
        assertThat(fake.scoresFor(id)).isEqualTo(Map.of("default", 60));

        client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(id, 95));

        assertThat(fake.scoresFor(id)).isEqualTo(Map.of("default", 95));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"score\": 5}                              | \"request_id\" | missing",
                "{\"request_id\": \"7\", \"score\": 5}       | \"request_id\" | int_type",
                "{\"request_id\": 0, \"score\": 5}           | \"request_id\" | greater_than",
                "{\"request_id\": 7}                         | \"score\"      | missing",
                "{\"request_id\": 7, \"score\": 101}         | \"score\"      | less_than_equal",
                "{\"request_id\": 7, \"score\": -1}          | \"score\"      | greater_than_equal",
                "{\"request_id\": 7, \"score\": \"90\"}      | \"score\"      | int_type",
                "{\"request_id\": 7, \"score\": 9.5}         | \"score\"      | int_type",
                "{\"request_id\": 7, \"score\": 5, \"name\": 3} | \"name\"     | string_type"
            })
    void answers422NamingTheField(String body, String field, String type) {
        HttpResponse<String> response =
                client.postTo(Endpoint.TRACK_SCORE, body, "X-API-KEY", KEY);

        Answers.assertOneViolation(response, "\"body\"," + field, type);
        assertThat(fake.receivedScores()).singleElement().matches(score -> !score.accepted());
        assertThat(fake.scoresFor(7)).isEmpty();
    }

    @Test
    void acceptsTheBoundaries() {
        assertThat(client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(1, "low", 0)).statusCode())
                .isEqualTo(200);
        assertThat(client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(1, "high", 100)).statusCode())
                .isEqualTo(200);

        assertThat(fake.scoresFor(1)).isEqualTo(Map.of("low", 0, "high", 100));
    }

    @Test
    void checksTheKeyLikeEveryEndpoint() {
        String withBodyKey = Bodies.score(7, 90).put("api_key", KEY).toString();

        assertThat(client.postTo(Endpoint.TRACK_SCORE, withBodyKey).statusCode()).isEqualTo(200);
        assertThat(client.postTo(Endpoint.TRACK_SCORE, withBodyKey, "X-API-KEY", "pl_wrong_key_000")
                        .statusCode())
                .isEqualTo(401);
        assertThat(client.postTo(Endpoint.TRACK_SCORE, Bodies.score(7, 1).toString()).statusCode())
                .isEqualTo(401);
        assertThat(client.postTo(Endpoint.TRACK_SCORE, "[7, 90]", "X-API-KEY", KEY).statusCode())
                .isEqualTo(400);
        assertThat(fake.receivedScores())
                .extracting(RecordedScore::responseStatus)
                .containsExactly(200, 401, 401, 400);
        assertThat(fake.scoresFor(7)).isEqualTo(Map.of("default", 90));
    }

    @Test
    void acceptsAnIdTheFakeNeverLogged() {
        // The fake cannot know the ids another PromptLayer gave out.
        assertThat(client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(424242, 3)).statusCode())
                .isEqualTo(200);
        assertThat(fake.loggedRequest(424242)).isEmpty();
        assertThat(fake.scoresFor(424242)).isEqualTo(Map.of("default", 3));
    }
}
