package dev.pltrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

class TrackEndpointTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private static final String KEY = FakePromptLayer.DEFAULT_API_KEY;

    private final TrackClient client = new TrackClient(promptLayer.server());

    @Test
    void acceptsAValidTrackAndRecordsItByteForByte() {
        // Odd spacing and non-ASCII text: the recording must be the bytes sent, not a re-encoding.
        String body =
                "{ \"api_key\" : \""
                        + KEY
                        + "\",\n  \"request_id\": 7,"
                        + " \"metadata\": {\"city\": \"Zürich\", \"mood\": \"🚀\"} }";
        Instant before = Instant.now();

        HttpResponse<String> response =
                client.post(
                        body,
                        "X-API-KEY",
                        KEY,
                        "User-Agent",
                        "pltrack-java/0.1.0",
                        "X-Trace-Id",
                        "t-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Content-Length"))
                .hasValue(String.valueOf(response.body().length()));
        assertThat(TrackClient.json(response.body()))
                .isEqualTo(
                        TrackClient.json(
                                "{\"success\":true,\"message\":\"Metadata tracked successfully\"}"));

        RecordedTrack track = promptLayer.server().received().get(0);
        assertThat(track.rawBody()).isEqualTo(body);
        assertThat(track.rawBody().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(track.header("x-api-key")).isEqualTo(KEY);
        assertThat(track.header("USER-AGENT")).isEqualTo("pltrack-java/0.1.0");
        assertThat(track.header("X-Trace-Id")).isEqualTo("t-1");
        assertThat(track.header("Content-Type")).isEqualTo("application/json");
        assertThat(track.header("Content-Length"))
                .isEqualTo(String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
        assertThat(track.header("X-Not-Sent")).isNull();
        assertThat(track.sequence()).isEqualTo(1);
        assertThat(track.receivedAt()).isBetween(before, Instant.now());
        assertThat(track.requestId()).isEqualTo(7L);
        assertThat(track.metadata()).isEqualTo(Map.of("city", "Zürich", "mood", "🚀"));
        assertThat(track.apiKeyInBody()).isEqualTo(KEY);
        assertThat(track.responseStatus()).isEqualTo(200);
        assertThat(track.accepted()).isTrue();
        assertThat(promptLayer.server().accepted()).containsExactly(track);
    }

    @Test
    void acceptsTheKeyInTheHeaderAlone() {
        HttpResponse<String> response =
                client.post("{\"request_id\": 1, \"metadata\": {\"a\": \"b\"}}", "X-API-KEY", KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        RecordedTrack track = promptLayer.server().accepted().get(0);
        assertThat(track.apiKeyInBody()).isNull();
        assertThat(track.header("X-API-KEY")).isEqualTo(KEY);
    }

    @Test
    void acceptsTheKeyInTheBodyAlone() {
        HttpResponse<String> response = client.post(TrackClient.body(KEY, 1, Map.of("a", "b")));

        assertThat(response.statusCode()).isEqualTo(200);
        RecordedTrack track = promptLayer.server().accepted().get(0);
        assertThat(track.apiKeyInBody()).isEqualTo(KEY);
        assertThat(track.header("X-API-KEY")).isNull();
    }

    @Test
    void aWrongHeaderKeyIsRejectedEvenWhenTheBodyKeyIsRight() {
        HttpResponse<String> response =
                client.post(
                        TrackClient.body(KEY, 1, Map.of("a", "b")),
                        "X-API-KEY",
                        "pl_wrong_key_000");

        assertUnauthorized(response);
    }

    @Test
    void aWrongBodyKeyWithoutHeaderIsRejected() {
        assertUnauthorized(client.post(TrackClient.body("pl_wrong_key_000", 1, Map.of("a", "b"))));
    }

    @Test
    void noKeyAtAllIsRejected() {
        assertUnauthorized(client.post("{\"request_id\": 1, \"metadata\": {\"a\": \"b\"}}"));
    }

    @Test
    void aWrongKeyIsRejectedBeforeTheSchemaIsChecked() {
        assertUnauthorized(client.post("{\"request_id\": \"x\"}", "X-API-KEY", "pl_wrong_key_000"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "{",
                "[1, 2]",
                "\"text\"",
                "42",
                "null",
                "{\"request_id\": 1} trailing"
            })
    void aBodyThatIsNotAJsonObjectIs400(String body) {
        HttpResponse<String> response = client.post(body, "X-API-KEY", KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(TrackClient.json(response.body()))
                .isEqualTo(
                        TrackClient.json("{\"detail\":\"There was an error parsing the body\"}"));
        RecordedTrack track = promptLayer.server().received().get(0);
        assertThat(track.rawBody()).isEqualTo(body);
        assertThat(track.responseStatus()).isEqualTo(400);
        assertThat(track.accepted()).isFalse();
        assertThat(track.requestId()).isNull();
        assertThat(track.metadata()).isNull();
    }

    @Test
    void aBodyThatIsNotJsonIs400EvenWithoutAKey() {
        assertThat(client.post("not json").statusCode()).isEqualTo(400);
    }

    @Test
    void everythingButPostToTheServedPathsIs404AndNotRecorded() {
        String body = TrackClient.body(KEY, 1, Map.of("a", "b"));

        assertThat(
                        client.send("GET", FakePromptLayer.TRACK_PATH, "", "X-API-KEY", KEY)
                                .statusCode())
                .isEqualTo(404);
        assertThat(
                        client.send("PUT", FakePromptLayer.TRACK_PATH, body, "X-API-KEY", KEY)
                                .statusCode())
                .isEqualTo(404);
        // Real, but retired with request groups: the fake does not serve it.
        assertThat(client.send("POST", "/rest/track-group", body, "X-API-KEY", KEY).statusCode())
                .isEqualTo(404);
        HttpResponse<String> nested =
                client.send("POST", FakePromptLayer.TRACK_PATH + "/more", body, "X-API-KEY", KEY);
        assertThat(nested.statusCode()).isEqualTo(404);
        assertThat(TrackClient.json(nested.body()))
                .isEqualTo(TrackClient.json("{\"detail\":\"Not Found\"}"));
        assertThat(promptLayer.server().calls()).isEmpty();
    }

    @Test
    void wireMocksAdminApiIsClosed() {
        assertThat(client.send("GET", "/__admin/mappings", "").statusCode()).isEqualTo(401);
        assertThat(client.send("POST", "/__admin/reset", "").statusCode()).isEqualTo(401);
    }

    @Test
    void stubFilesOfTheProjectUnderTestAreIgnored() {
        // src/test/resources/mappings holds a stub that would answer 418 here if WireMock loaded
        // it.
        assertThat(client.track(1, Map.of("a", "b")).statusCode()).isEqualTo(200);
        assertThat(client.send("GET", "/foreign-stub", "").statusCode()).isEqualTo(404);
    }

    private void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(TrackClient.json(response.body()))
                .isEqualTo(
                        TrackClient.json(
                                "{\"error\":\"Invalid API key\",\"message\":\"Invalid or missing API key\"}"));
        RecordedTrack track = promptLayer.server().received().get(0);
        assertThat(track.responseStatus()).isEqualTo(401);
        assertThat(track.accepted()).isFalse();
        assertThat(promptLayer.server().accepted()).isEmpty();
        assertThat(promptLayer.server().trackedRequestIds()).isEmpty();
    }
}
