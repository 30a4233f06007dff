package dev.pltrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

/** Checks of the fake's answers that the endpoint tests share. */
final class Answers {

    private Answers() {}

    /**
     * A FastAPI 422 with exactly one violation, at {@code loc} (the JSON array's items, e.g. {@code
     * "body","score"}) and of pydantic's {@code type}.
     */
    static void assertOneViolation(HttpResponse<String> response, String loc, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode detail = TrackClient.json(response.body()).get("detail");
        assertThat(detail).as(response.body()).hasSize(1);
        assertThat(detail.get(0).get("loc")).isEqualTo(TrackClient.jsonNode("[" + loc + "]"));
        assertThat(detail.get(0).get("type").asText()).isEqualTo(type);
        assertThat(detail.get(0).get("msg").asText()).isNotBlank();
    }
}
