package dev.pltrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

class FaultTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private final FakePromptLayer fake = promptLayer.server();
    private final TrackClient client = new TrackClient(fake);
    private final String body = TrackClient.body(fake.apiKey(), 1, Map.of("a", "b"));

    static Stream<Arguments> statusBodies() {
        return Stream.of(
                Arguments.of(400, "{\"detail\":\"There was an error parsing the body\"}"),
                Arguments.of(
                        401,
                        "{\"error\":\"Invalid API key\",\"message\":\"Invalid or missing API key\"}"),
                Arguments.of(403, "{\"error\":\"Forbidden\",\"message\":\"Forbidden\"}"),
                Arguments.of(404, "{\"detail\":\"Not Found\"}"),
                Arguments.of(
                        422,
                        "{\"detail\":[{\"loc\":[\"body\",\"request_id\"],"
                                + "\"msg\":\"Input should be greater than 0\",\"type\":\"greater_than\"}]}"),
                Arguments.of(
                        429,
                        "{\"error\":\"Too Many Requests\","
                                + "\"message\":\"Rate limit exceeded, please retry later\"}"),
                Arguments.of(500, "{\"message\":\"Internal Server Error\"}"),
                Arguments.of(502, "{\"message\":\"Bad Gateway\"}"),
                Arguments.of(503, "{\"message\":\"Service Unavailable\"}"),
                Arguments.of(504, "{\"message\":\"Gateway Timeout\"}"),
                Arguments.of(599, "{\"message\":\"Server Error\"}"));
    }

    @ParameterizedTest
    @MethodSource("statusBodies")
    void statusAnswersWithPromptLayersBodyForThatStatus(int status, String expectedBody) {
        fake.failNext(1, Fault.status(status));

        HttpResponse<String> response = client.post(body, "X-API-KEY", fake.apiKey());

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        assertThat(TrackClient.json(response.body())).isEqualTo(TrackClient.json(expectedBody));
        assertThat(fake.received())
                .singleElement()
                .satisfies(
                        track -> {
                            assertThat(track.responseStatus()).isEqualTo(status);
                            assertThat(track.accepted()).isFalse();
                            assertThat(track.metadata()).isEqualTo(Map.of("a", "b"));
                        });
        assertThat(fake.accepted()).isEmpty();
    }

    @Test
    void statusWithABodySendsThatBodyAsJson() {
        fake.failNext(1, Fault.status(418, "{\"error\":\"teapot\""));

        HttpResponse<String> response = client.post(body, "X-API-KEY", fake.apiKey());

        assertThat(response.statusCode()).isEqualTo(418);
        assertThat(response.body()).isEqualTo("{\"error\":\"teapot\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void aStatusThatImitatesSuccessIsAcceptedOnlyForAValidRequest() {
        // An older PromptLayer answered a bare {"success": true}.
        Fault legacySuccess = Fault.status(200, "{\"success\": true}");
        fake.failNext(2, legacySuccess);

        HttpResponse<String> valid = client.post(body, "X-API-KEY", fake.apiKey());
        HttpResponse<String> invalid =
                client.post(
                        "{\"request_id\": 2, \"metadata\": {\"a\": 1}}",
                        "X-API-KEY",
                        fake.apiKey());

        assertThat(valid.body()).isEqualTo("{\"success\": true}");
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(fake.received())
                .extracting(RecordedTrack::accepted)
                .containsExactly(true, false);
        assertThat(fake.metadataFor(1)).isEqualTo(Map.of("a", "b"));
    }

    @Test
    void rateLimitedSendsRetryAfterInWholeSecondsRoundedUp() {
        fake.failNext(1, Fault.rateLimited(Duration.ofMillis(1500)));
        fake.failNext(1, Fault.rateLimited(Duration.ofSeconds(3)));
        fake.failNext(1, Fault.rateLimited(Duration.ZERO));

        HttpResponse<String> first = client.post(body, "X-API-KEY", fake.apiKey());
        HttpResponse<String> second = client.post(body, "X-API-KEY", fake.apiKey());
        HttpResponse<String> third = client.post(body, "X-API-KEY", fake.apiKey());

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(TrackClient.json(first.body()).get("message").asText()).contains("Rate limit");
        assertThat(second.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(third.headers().firstValue("Retry-After")).hasValue("0");
        assertThat(fake.accepted()).isEmpty();
    }

    @Test
    void delayAnswersNormallyAfterTheDelay() {
        Duration delay = Duration.ofMillis(300);
        fake.failNext(1, Fault.delay(delay));

        long start = System.nanoTime();
        HttpResponse<String> response = client.post(body, "X-API-KEY", fake.apiKey());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(elapsed).isGreaterThanOrEqualTo(delay);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fake.accepted()).hasSize(1);
        assertThat(fake.metadataFor(1)).isEqualTo(Map.of("a", "b"));
    }

    @Test
    void delayStillRejectsAnInvalidRequest() {
        fake.failNext(1, Fault.delay(Duration.ofMillis(10)));

        assertThat(client.post(body, "X-API-KEY", "pl_wrong_key_000").statusCode()).isEqualTo(401);
        assertThat(fake.accepted()).isEmpty();
    }

    @Test
    void dropConnectionIsAnIoErrorForTheClient() {
        fake.failNext(1, Fault.dropConnection());

        assertThatThrownBy(() -> client.postOrThrow(body, "X-API-KEY", fake.apiKey()))
                .isInstanceOf(IOException.class);
        assertBrokenConnectionRecordedThenBackToNormal();
    }

    @Test
    void emptyResponseIsAnIoErrorForTheClient() {
        // A first request leaves a pooled connection: the fault must surface on a reused one too.
        client.post(body, "X-API-KEY", fake.apiKey());
        fake.reset();
        fake.failNext(1, Fault.emptyResponse());

        assertThatThrownBy(() -> client.postOrThrow(body, "X-API-KEY", fake.apiKey()))
                .isInstanceOf(IOException.class);
        assertBrokenConnectionRecordedThenBackToNormal();
    }

    @Test
    void successFalseIsA200ThatIsNotAccepted() {
        fake.failNext(1, Fault.successFalse("Request not found"));

        HttpResponse<String> response = client.post(body, "X-API-KEY", fake.apiKey());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(TrackClient.json(response.body()))
                .isEqualTo(
                        TrackClient.json("{\"success\":false,\"message\":\"Request not found\"}"));
        assertThat(fake.received())
                .singleElement()
                .satisfies(
                        track -> {
                            assertThat(track.responseStatus()).isEqualTo(200);
                            assertThat(track.accepted()).isFalse();
                        });
        assertThat(fake.metadataFor(1)).isEmpty();
    }

    @Test
    void nonJsonOkIsA200HtmlPage() {
        fake.failNext(1, Fault.nonJsonOk());

        HttpResponse<String> response = client.post(body, "X-API-KEY", fake.apiKey());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).startsWith("<!DOCTYPE html>");
        assertThatThrownBy(() -> TrackClient.jsonNode(response.body()))
                .isInstanceOf(RuntimeException.class);
        assertThat(fake.accepted()).isEmpty();
    }

    @Test
    void queuedFaultsAreUsedInOrderThenAnswersAreNormalAgain() {
        fake.failNext(2, Fault.status(503));
        fake.failNext(0, Fault.status(500));
        fake.failNext(1, Fault.rateLimited(Duration.ofSeconds(1)));
        fake.failNext(1, Fault.successFalse("later"));

        int[] statuses = new int[6];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = client.post(body, "X-API-KEY", fake.apiKey()).statusCode();
        }

        assertThat(statuses).containsExactly(503, 503, 429, 200, 200, 200);
        assertThat(fake.received())
                .extracting(RecordedTrack::accepted)
                .containsExactly(false, false, false, false, true, true);
    }

    @Test
    void faultsAreValuesWithReadableNames() {
        assertThat(Fault.status(503))
                .hasToString("Fault.status(503)")
                .isEqualTo(Fault.status(503))
                .hasSameHashCodeAs(Fault.status(503))
                .isNotEqualTo(Fault.status(502));
        assertThat(Fault.status(200, "{\"success\":true}"))
                .hasToString("Fault.status(200, {\"success\":true})");
        assertThat(Fault.rateLimited(Duration.ofMillis(1200)))
                .hasToString("Fault.rateLimited(PT1.2S, Retry-After: 2)");
        assertThat(Fault.delay(Duration.ofMillis(250)))
                .hasToString("Fault.delay(PT0.25S)")
                .isNotEqualTo(Fault.delay(Duration.ofMillis(251)));
        assertThat(Fault.dropConnection())
                .hasToString("Fault.dropConnection()")
                .isEqualTo(Fault.dropConnection())
                .isNotEqualTo(Fault.emptyResponse());
        assertThat(Fault.emptyResponse()).hasToString("Fault.emptyResponse()");
        assertThat(Fault.successFalse("nope")).hasToString("Fault.successFalse(\"nope\")");
        assertThat(Fault.nonJsonOk()).hasToString("Fault.nonJsonOk()");
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> Fault.status(200))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("400-599");
        assertThatThrownBy(() -> Fault.status(600)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.status(199, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.status(500, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Fault.rateLimited(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.delay(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.successFalse(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> fake.failNext(-1, Fault.status(500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fake.failNext(1, null)).isInstanceOf(NullPointerException.class);
    }

    private void assertBrokenConnectionRecordedThenBackToNormal() {
        assertThat(fake.received())
                .singleElement()
                .satisfies(
                        track -> {
                            assertThat(track.responseStatus()).isEqualTo(-1);
                            assertThat(track.accepted()).isFalse();
                            assertThat(track.requestId()).isEqualTo(1L);
                        });
        assertThat(client.post(body, "X-API-KEY", fake.apiKey()).statusCode()).isEqualTo(200);
        assertThat(fake.received()).hasSize(2);
    }
}
