package dev.pltrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

class LogRequestEndpointTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private static final String KEY = FakePromptLayer.DEFAULT_API_KEY;
    private static final String WRONG_KEY = "pl_wrong_key_000";

    private final FakePromptLayer fake = promptLayer.server();
    private final TrackClient client = new TrackClient(fake);

    @Test
    void answers201WithTheNewIdAndTheSchemasFieldsInItsOrder() {
        HttpResponse<String> response = client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body())
                .isEqualTo(
                        "{\"id\":1,\"prompt_version\":null,\"status\":\"SUCCESS\","
                                + "\"error_type\":null,\"error_message\":null}");
    }

    @Test
    void echoesTheStatusAndErrorOfAFailedCall() {
        ObjectNode failed = Bodies.log();
        failed.put("status", "ERROR");
        failed.put("error_type", "PROVIDER_TIMEOUT");
        failed.put("error_message", "Request timed out after 30 seconds");

        HttpResponse<String> response = client.postWithKey(Endpoint.LOG_REQUEST, failed);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(TrackClient.json(response.body()))
                .isEqualTo(
                        TrackClient.json(
                                "{\"id\":1,\"prompt_version\":null,\"status\":\"ERROR\","
                                        + "\"error_type\":\"PROVIDER_TIMEOUT\","
                                        + "\"error_message\":\"Request timed out after 30 seconds\"}"));
    }

    @Test
    void givesIncreasingIdsToAcceptedLogsOnly() {
        long first = idOf(client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log()));
        client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log("provider", 5)); // 422
        client.postTo(Endpoint.LOG_REQUEST, Bodies.log().toString(), "X-API-KEY", WRONG_KEY);
        client.postWithKey(Endpoint.TRACK_METADATA, Bodies.metadata(first, "a", "b"));
        long second = idOf(client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log()));
        long third = idOf(client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log()));

        assertThat(List.of(first, second, third)).containsExactly(1L, 2L, 3L);
        assertThat(fake.logged()).extracting(RecordedLog::requestId).containsExactly(1L, 2L, 3L);
        assertThat(fake.loggedRequestIds()).containsExactly(1L, 2L, 3L);
        assertThat(fake.receivedLogs())
                .extracting(RecordedLog::requestId)
                .containsExactly(1L, null, null, 2L, 3L);
        assertThat(fake.acceptedCount(Endpoint.LOG_REQUEST)).isEqualTo(3);
    }

    @Test
    void startsFromTheConfiguredIdBeyondWhatAnIntHolds() {
        try (FakePromptLayer other =
                FakePromptLayer.builder().firstRequestId(5_000_000_000L).start()) {
            TrackClient otherClient = new TrackClient(other);

            assertThat(idOf(otherClient.postWithKey(Endpoint.LOG_REQUEST, Bodies.log())))
                    .isEqualTo(5_000_000_000L);
            assertThat(idOf(otherClient.postWithKey(Endpoint.LOG_REQUEST, Bodies.log())))
                    .isEqualTo(5_000_000_001L);
        }
    }

    @Test
    void recordsTheBodyWithTypedAccessors() {
        ObjectNode body = Bodies.log();
        body.put("api_key", KEY);
        body.put("input_tokens", 12);
        body.put("output_tokens", 7);
        body.put("price", 0.0042);
        body.put("score", 80);
        body.put("status", "WARNING");
        body.put("error_type", "PROVIDER_PARTIAL_RESPONSE");
        body.put("prompt_name", "greeting");
        body.put("prompt_version_number", 3);
        body.putObject("parameters").put("temperature", 0.2);

        client.track(9, Map.of("a", "b"));
        client.postTo(Endpoint.LOG_REQUEST, body.toString()); // the key in the body only

        RecordedLog log = fake.logged().get(0);
        assertThat(log.endpoint()).isEqualTo(Endpoint.LOG_REQUEST);
        assertThat(log.sequence()).isEqualTo(2);
        assertThat(log.requestId()).isEqualTo(1L);
        assertThat(log.responseStatus()).isEqualTo(201);
        assertThat(log.accepted()).isTrue();
        assertThat(log.rawBody()).isEqualTo(body.toString());
        assertThat(log.provider()).isEqualTo("openai");
        assertThat(log.model()).isEqualTo("gpt-4o");
        assertThat(log.input()).isEqualTo(body.get("input"));
        assertThat(log.output()).isEqualTo(body.get("output"));
        assertThat(log.requestStartTime())
                .isEqualTo(OffsetDateTime.parse("2024-01-15T10:30:00Z"));
        assertThat(log.requestEndTime()).isEqualTo(OffsetDateTime.parse("2024-01-15T10:30:05Z"));
        assertThat(log.metadata()).isEqualTo(Map.of("session_id", "abc123"));
        assertThat(log.tags()).containsExactly("production");
        assertThat(log.inputTokens()).isEqualTo(12L);
        assertThat(log.outputTokens()).isEqualTo(7L);
        assertThat(log.price()).isEqualTo(0.0042);
        assertThat(log.score()).isEqualTo(80L);
        assertThat(log.status()).isEqualTo("WARNING");
        assertThat(log.errorType()).isEqualTo("PROVIDER_PARTIAL_RESPONSE");
        assertThat(log.errorMessage()).isNull();
        assertThat(log.promptName()).isEqualTo("greeting");
        assertThat(log.promptVersionNumber()).isEqualTo(3L);
        assertThat(log.parameters().get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(log.apiKeyInBody()).isEqualTo(KEY);
        assertThat(log.header("X-API-KEY")).isNull();
        assertThat(fake.calls()).hasSize(2);
        assertThat(fake.calls().get(0)).isInstanceOf(RecordedTrack.class);
    }

    @Test
    void aRecordingCannotBeChangedThroughWhatItReturns() {
        client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log());
        RecordedLog log = fake.logged().get(0);

        log.body().put("provider", "changed");
        ((ObjectNode) log.input()).put("type", "changed");

        assertThat(log.provider()).isEqualTo("openai");
        assertThat(log.input().get("type").asText()).isEqualTo("chat");
        assertThat(log.header("x-api-key")).isEqualTo(KEY);
    }

    @Test
    void anOmittedMetadataIsEmptyAndOtherOmittedFieldsAreNull() {
        ObjectNode minimal = Bodies.log();
        minimal.remove(List.of("metadata", "tags", "api_type"));

        assertThat(client.postWithKey(Endpoint.LOG_REQUEST, minimal).statusCode()).isEqualTo(201);

        RecordedLog log = fake.logged().get(0);
        assertThat(log.metadata()).isEmpty();
        assertThat(log.tags()).isNull();
        assertThat(log.status()).isNull();
        assertThat(log.score()).isNull();
        assertThat(fake.scoresFor(1)).isEmpty();
    }

    @Test
    void acceptsTheKeyInTheHeaderAloneOrInTheBodyAlone() {
        ObjectNode withKey = Bodies.log();
        withKey.put("api_key", KEY);

        assertThat(client.postTo(Endpoint.LOG_REQUEST, Bodies.log().toString(), "X-API-KEY", KEY)
                        .statusCode())
                .isEqualTo(201);
        assertThat(client.postTo(Endpoint.LOG_REQUEST, withKey.toString()).statusCode())
                .isEqualTo(201);
    }

    @Test
    void aWrongHeaderKeyIsRejectedEvenWhenTheBodyKeyIsRight() {
        ObjectNode withKey = Bodies.log();
        withKey.put("api_key", KEY);

        assertUnauthorized(
                client.postTo(Endpoint.LOG_REQUEST, withKey.toString(), "X-API-KEY", WRONG_KEY));
    }

    @Test
    void aWrongBodyKeyOrNoKeyIsRejected() {
        ObjectNode wrongKey = Bodies.log();
        wrongKey.put("api_key", WRONG_KEY);

        assertUnauthorized(client.postTo(Endpoint.LOG_REQUEST, wrongKey.toString()));
        assertUnauthorized(client.postTo(Endpoint.LOG_REQUEST, Bodies.log().toString()));
    }

    @Test
    void aWrongKeyIsRejectedBeforeTheSchemaIsChecked() {
        assertUnauthorized(
                client.postTo(Endpoint.LOG_REQUEST, "{\"provider\": 5}", "X-API-KEY", WRONG_KEY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1]", "\"text\"", "null", "{\"provider\": 1} x"})
    void aBodyThatIsNotAJsonObjectIs400(String body) {
        HttpResponse<String> response =
                client.postTo(Endpoint.LOG_REQUEST, body, "X-API-KEY", KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TrackClient.json(response.body()))
                .isEqualTo(
                        TrackClient.json("{\"detail\":\"There was an error parsing the body\"}"));
        RecordedLog log = fake.receivedLogs().get(0);
        assertThat(log.body()).isNull();
        assertThat(log.provider()).isNull();
        assertThat(log.accepted()).isFalse();
        assertThat(fake.logged()).isEmpty();
    }

    @Test
    void onlyPostIsServed() {
        assertThat(client.send("GET", Endpoint.LOG_REQUEST.path(), "", "X-API-KEY", KEY)
                        .statusCode())
                .isEqualTo(404);
        assertThat(fake.calls()).isEmpty();
    }

    private void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TrackClient.json(response.body()))
                .isEqualTo(
                        TrackClient.json(
                                "{\"error\":\"Invalid API key\",\"message\":\"Invalid or missing API key\"}"));
        assertThat(fake.receivedLogs()).last().extracting(RecordedLog::responseStatus).isEqualTo(401);
        assertThat(fake.logged()).isEmpty();
        assertThat(fake.loggedRequestIds()).isEmpty();
    }

    static long idOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TrackClient.json(response.body()).get("id").longValue();
    }
}
