package dev.pltrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;

class SchemaValidationTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private static final String KEY = FakePromptLayer.DEFAULT_API_KEY;
    private static final String LONG_KEY = "k".repeat(1025);

    private final TrackClient client = new TrackClient(promptLayer.server());

    private static final String ID = "[\"body\",\"request_id\"]";
    private static final String METADATA = "[\"body\",\"metadata\"]";

    static Stream<Arguments> violations() {
        return Stream.of(
                Arguments.of("{\"metadata\": {\"a\": \"b\"}}", ID, "missing"),
                Arguments.of(withRequestId("\"42\""), ID, "int_type"),
                Arguments.of(withRequestId("4.5"), ID, "int_type"),
                Arguments.of(withRequestId("18446744073709551616"), ID, "int_type"),
                Arguments.of(withRequestId("null"), ID, "int_type"),
                Arguments.of(withRequestId("true"), ID, "int_type"),
                Arguments.of(withRequestId("0"), ID, "greater_than"),
                Arguments.of(withRequestId("-3"), ID, "greater_than"),
                Arguments.of("{\"request_id\": 1}", METADATA, "missing"),
                Arguments.of(withMetadata("[\"a\"]"), METADATA, "dict_type"),
                Arguments.of(withMetadata("\"a=b\""), METADATA, "dict_type"),
                Arguments.of(withMetadata("null"), METADATA, "dict_type"),
                Arguments.of(withMetadata("{\"n\": 5}"), metadataKey("n"), "string_type"),
                Arguments.of(withMetadata("{\"n\": null}"), metadataKey("n"), "string_type"),
                Arguments.of(withMetadata("{\"n\": true}"), metadataKey("n"), "string_type"),
                Arguments.of(
                        withMetadata("{\"n\": {\"x\": \"y\"}}"), metadataKey("n"), "string_type"),
                Arguments.of(withMetadata("{\"n\": [\"x\"]}"), metadataKey("n"), "string_type"),
                Arguments.of(
                        withMetadata("{\"" + LONG_KEY + "\": \"v\"}"),
                        metadataKey(LONG_KEY),
                        "string_too_long"));
    }

    private static String withRequestId(String requestIdJson) {
        return "{\"request_id\": " + requestIdJson + ", \"metadata\": {\"a\": \"b\"}}";
    }

    private static String withMetadata(String metadataJson) {
        return "{\"request_id\": 1, \"metadata\": " + metadataJson + "}";
    }

    private static String metadataKey(String key) {
        return "[\"body\",\"metadata\",\"" + key + "\"]";
    }

    @ParameterizedTest(name = "{index}: {2}")
    @MethodSource("violations")
    void answers422WithTheViolationInFastApiForm(String body, String loc, String type) {
        HttpResponse<String> response = client.post(body, "X-API-KEY", KEY);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode detail = TrackClient.json(response.body()).get("detail");
        assertThat(detail).hasSize(1);
        assertThat(detail.get(0).get("loc")).isEqualTo(TrackClient.jsonNode(loc));
        assertThat(detail.get(0).get("type").asText()).isEqualTo(type);
        assertThat(detail.get(0).get("msg").asText()).isNotBlank();
        assertThat(promptLayer.server().received())
                .singleElement()
                .satisfies(
                        track -> {
                            assertThat(track.responseStatus()).isEqualTo(422);
                            assertThat(track.accepted()).isFalse();
                        });
        assertThat(promptLayer.server().accepted()).isEmpty();
    }

    @Test
    void listsEveryViolationInBodyOrder() {
        String body =
                "{\"request_id\": \"x\", \"metadata\": {\"ok\": \"v\", \"n\": 1, \""
                        + LONG_KEY
                        + "\": \"v\"}}";

        HttpResponse<String> response = client.post(body, "X-API-KEY", KEY);

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode detail = TrackClient.json(response.body()).get("detail");
        assertThat(detail).hasSize(3);
        assertThat(detail.get(0).get("loc").toString()).isEqualTo("[\"body\",\"request_id\"]");
        assertThat(detail.get(1).get("loc").toString()).isEqualTo("[\"body\",\"metadata\",\"n\"]");
        assertThat(detail.get(1).get("msg").asText()).isEqualTo("Input should be a valid string");
        assertThat(detail.get(2).get("type").asText()).isEqualTo("string_too_long");
        assertThat(detail.get(2).get("msg").asText())
                .isEqualTo("String should have at most 1024 characters");
    }

    @Test
    void recordsWhatItCouldReadOfARejectedBody() {
        client.post("{\"request_id\": -3, \"metadata\": {\"a\": \"b\"}}", "X-API-KEY", KEY);
        client.post("{\"request_id\": 5, \"metadata\": {\"a\": 1}}", "X-API-KEY", KEY);
        client.post(
                "{\"request_id\": 6, \"metadata\": {\"" + LONG_KEY + "\": \"v\"}}",
                "X-API-KEY",
                KEY);

        var received = promptLayer.server().received();
        assertThat(received.get(0).requestId()).isEqualTo(-3L);
        assertThat(received.get(0).metadata()).isEqualTo(Map.of("a", "b"));
        assertThat(received.get(1).requestId()).isEqualTo(5L);
        assertThat(received.get(1).metadata()).as("not an object of strings").isNull();
        assertThat(received.get(2).metadata())
                .as("strings, though one key is too long")
                .containsEntry(LONG_KEY, "v");
        assertThat(received).extracting(RecordedTrack::responseStatus).containsOnly(422);
    }

    @Test
    void acceptsTheBoundaryValues() {
        String longestKey = "k".repeat(1024);
        // 1024 characters that are 2048 UTF-16 chars: PromptLayer counts characters, not chars.
        String longestEmojiKey = "🚀".repeat(1024);

        assertThat(client.track(Long.MAX_VALUE, Map.of(longestKey, "v")).statusCode())
                .isEqualTo(200);
        assertThat(client.track(1, Map.of(longestEmojiKey, "")).statusCode()).isEqualTo(200);
        assertThat(client.track(2, Map.of()).statusCode()).isEqualTo(200);

        assertThat(promptLayer.server().metadataFor(Long.MAX_VALUE)).containsEntry(longestKey, "v");
        assertThat(promptLayer.server().metadataFor(1)).containsEntry(longestEmojiKey, "");
        assertThat(promptLayer.server().trackedRequestIds())
                .containsExactly(Long.MAX_VALUE, 1L, 2L);
        assertThat(promptLayer.server().metadataFor(2)).isEmpty();
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        String body =
                "{\"api_key\": \""
                        + KEY
                        + "\", \"request_id\": 3, \"metadata\": {\"a\": \"b\"},"
                        + " \"tags\": [\"x\"]}";

        assertThat(client.post(body).statusCode()).isEqualTo(200);
        assertThat(promptLayer.server().metadataFor(3)).isEqualTo(Map.of("a", "b"));
    }
}
