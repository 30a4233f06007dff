package dev.pltrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;

class TrackPromptEndpointTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private static final String KEY = FakePromptLayer.DEFAULT_API_KEY;

    private final FakePromptLayer fake = promptLayer.server();
    private final TrackClient client = new TrackClient(fake);

    @Test
    void answers200SuccessAndRecordsTheLink() {
        ObjectNode body = Bodies.promptLink(12345, "support-response").put("version", 2);
        body.putObject("prompt_input_variables").put("user_message", "Hello");

        HttpResponse<String> response = client.postWithKey(Endpoint.TRACK_PROMPT, body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TrackClient.json(response.body()))
                .isEqualTo(
                        TrackClient.json(
                                "{\"success\":true,\"message\":\"Prompt tracked successfully\"}"));
        RecordedPromptLink link = fake.promptLinkFor(12345).orElseThrow();
        assertThat(link.endpoint()).isEqualTo(Endpoint.TRACK_PROMPT);
        assertThat(link.requestId()).isEqualTo(12345L);
        assertThat(link.promptName()).isEqualTo("support-response");
        assertThat(link.version()).isEqualTo("2");
        assertThat(link.label()).isNull();
        assertThat(link.promptInputVariables().get("user_message").asText()).isEqualTo("Hello");
        assertThat(fake.receivedPromptLinks()).containsExactly(link);
        assertThat(fake.acceptedCount(Endpoint.TRACK_PROMPT)).isEqualTo(1);
    }

    @Test
    void takesAVersionNameOrALabelInsteadOfANumberAndTheLatestLinkWins() {
        client.postWithKey(Endpoint.TRACK_PROMPT, Bodies.promptLink(5, "a").put("version", "v3"));
        client.postWithKey(Endpoint.TRACK_PROMPT, Bodies.promptLink(5, "b").put("label", "prod"));
        client.postWithKey(Endpoint.TRACK_PROMPT, Bodies.promptLink(6, "c").putNull("version"));

        RecordedPromptLink latest = fake.promptLinkFor(5).orElseThrow();
        assertThat(latest.promptName()).isEqualTo("b");
        assertThat(latest.label()).isEqualTo("prod");
        assertThat(latest.version()).isNull();
        assertThat(fake.receivedPromptLinks().get(0).version()).isEqualTo("v3");
        assertThat(fake.promptLinkFor(6)).hasValueSatisfying(link -> assertThat(link.version()).isNull());
        assertThat(fake.promptLinkFor(7)).isEmpty();
    }

    @Test
    void aRecordingCannotBeChangedThroughItsVariables() {
        ObjectNode body = Bodies.promptLink(5, "a");
        body.putObject("prompt_input_variables").put("x", "1");
        client.postWithKey(Endpoint.TRACK_PROMPT, body);

        fake.promptLinkFor(5).orElseThrow().promptInputVariables().put("x", "changed");

        assertThat(fake.promptLinkFor(5).orElseThrow().promptInputVariables().get("x").asText())
                .isEqualTo("1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"request_id\": 5}                                           | \"prompt_name\"            | missing",
                "{\"request_id\": 5, \"prompt_name\": 1}                       | \"prompt_name\"            | string_type",
                "{\"request_id\": 5, \"prompt_name\": \"a\", \"prompt_input_variables\": [1]} | \"prompt_input_variables\" | dict_type",
                "{\"prompt_name\": \"a\"}                                      | \"request_id\"             | missing",
                "{\"request_id\": -5, \"prompt_name\": \"a\"}                  | \"request_id\"             | greater_than",
                "{\"request_id\": 5, \"prompt_name\": \"a\", \"label\": 2}     | \"label\"                  | string_type"
            })
    void answers422NamingTheField(String body, String field, String type) {
        HttpResponse<String> response =
                client.postTo(Endpoint.TRACK_PROMPT, body, "X-API-KEY", KEY);

        Answers.assertOneViolation(response, "\"body\"," + field, type);
        assertThat(fake.receivedPromptLinks()).singleElement().matches(link -> !link.accepted());
        assertThat(fake.promptLinkFor(5)).isEmpty();
    }

    @Test
    void aVersionThatIsNeitherAnIntegerNorAStringBreaksBothAlternatives() {
        HttpResponse<String> response =
                client.postWithKey(Endpoint.TRACK_PROMPT, Bodies.promptLink(5, "a").put("version", 1.5));

        assertThat(TrackClient.json(response.body()))
                .isEqualTo(
                        TrackClient.json(
                                "{\"detail\":[{\"loc\":[\"body\",\"version\",\"int\"],"
                                        + "\"msg\":\"Input should be a valid integer\",\"type\":\"int_type\"},"
                                        + "{\"loc\":[\"body\",\"version\",\"str\"],"
                                        + "\"msg\":\"Input should be a valid string\",\"type\":\"string_type\"}]}"));
    }

    @Test
    void checksTheKeyLikeEveryEndpoint() {
        String body = Bodies.promptLink(5, "a").toString();

        assertThat(client.postTo(Endpoint.TRACK_PROMPT, body, "X-API-KEY", "pl_wrong_key_000").statusCode())
                .isEqualTo(401);
        assertThat(client.postTo(Endpoint.TRACK_PROMPT, body).statusCode()).isEqualTo(401);
        assertThat(client.postTo(Endpoint.TRACK_PROMPT, "no", "X-API-KEY", KEY).statusCode())
                .isEqualTo(400);
        assertThat(fake.promptLinkFor(5)).isEmpty();
    }
}
