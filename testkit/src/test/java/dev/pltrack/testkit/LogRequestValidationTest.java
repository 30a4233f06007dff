package dev.pltrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Every rule of the LogRequest schema the fake checks, broken one at a time. */
class LogRequestValidationTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private static final String INPUT_MESSAGE = "\"body\",\"input\",\"chat\",\"messages\",0";
    private static final String OUTPUT_MESSAGE = "\"body\",\"output\",\"chat\",\"messages\",0";

    private final FakePromptLayer fake = promptLayer.server();
    private final TrackClient client = new TrackClient(fake);

    static Stream<Arguments> violations() {
        return Stream.of(
                // The required fields.
                broken("provider missing", log -> log.remove("provider"), "\"body\",\"provider\"", "missing"),
                broken("provider a number", log -> log.put("provider", 5), "\"body\",\"provider\"", "string_type"),
                broken("model missing", log -> log.remove("model"), "\"body\",\"model\"", "missing"),
                broken("model null", log -> log.putNull("model"), "\"body\",\"model\"", "string_type"),
                broken("input missing", log -> log.remove("input"), "\"body\",\"input\"", "missing"),
                broken("output missing", log -> log.remove("output"), "\"body\",\"output\"", "missing"),
                broken("start missing", log -> log.remove("request_start_time"), "\"body\",\"request_start_time\"", "missing"),
                broken("end missing", log -> log.remove("request_end_time"), "\"body\",\"request_end_time\"", "missing"),
                broken("start not a date", log -> log.put("request_start_time", "yesterday"), "\"body\",\"request_start_time\"", "datetime_parsing"),
                broken("start without offset", log -> log.put("request_start_time", "2024-01-15T10:30:00"), "\"body\",\"request_start_time\"", "timezone_aware"),
                broken("end a number", log -> log.put("request_end_time", 1705314605), "\"body\",\"request_end_time\"", "datetime_type"),
                // The Prompt Blueprint.
                broken("input a string", log -> log.put("input", "Hello!"), "\"body\",\"input\"", "model_attributes_type"),
                broken("input without type", log -> input(log).remove("type"), "\"body\",\"input\"", "union_tag_not_found"),
                broken("input of unknown type", log -> input(log).put("type", "image"), "\"body\",\"input\"", "union_tag_invalid"),
                broken("chat without messages", log -> input(log).remove("messages"), "\"body\",\"input\",\"chat\",\"messages\"", "missing"),
                broken("messages a string", log -> input(log).put("messages", "Hello!"), "\"body\",\"input\",\"chat\",\"messages\"", "list_type"),
                broken("message a string", log -> input(log).set("messages", Bodies.array("[\"Hello!\"]")), INPUT_MESSAGE, "model_attributes_type"),
                broken("message without role", log -> Bodies.firstInputMessage(log).remove("role"), INPUT_MESSAGE, "union_tag_not_found"),
                broken("message of unknown role", log -> Bodies.firstInputMessage(log).put("role", "bot"), INPUT_MESSAGE, "union_tag_invalid"),
                broken("content a plain string", log -> Bodies.firstInputMessage(log).put("content", "Hello!"), INPUT_MESSAGE + ",\"user\",\"content\"", "list_type"),
                broken("user content missing", log -> Bodies.firstInputMessage(log).remove("content"), INPUT_MESSAGE + ",\"user\",\"content\"", "missing"),
                broken("system content null", log -> Bodies.firstInputMessage(log).put("role", "system").putNull("content"), INPUT_MESSAGE + ",\"system\",\"content\"", "list_type"),
                broken("developer content a string", log -> Bodies.firstInputMessage(log).put("role", "developer").put("content", "x"), INPUT_MESSAGE + ",\"developer\",\"content\"", "list_type"),
                broken("assistant content a string", log -> Bodies.firstOutputMessage(log).put("content", "Hi"), OUTPUT_MESSAGE + ",\"assistant\",\"content\"", "list_type"),
                broken("block a string", log -> Bodies.firstInputMessage(log).set("content", Bodies.array("[\"Hello!\"]")), INPUT_MESSAGE + ",\"user\",\"content\",0", "model_attributes_type"),
                broken("block without type", log -> firstBlock(log).remove("type"), INPUT_MESSAGE + ",\"user\",\"content\",0", "union_tag_not_found"),
                broken("block of unknown type", log -> firstBlock(log).put("type", "video"), INPUT_MESSAGE + ",\"user\",\"content\",0", "union_tag_invalid"),
                broken("text block without text", log -> firstBlock(log).remove("text"), INPUT_MESSAGE + ",\"user\",\"content\",0,\"text\",\"text\"", "missing"),
                broken("text block text a number", log -> firstBlock(log).put("text", 5), INPUT_MESSAGE + ",\"user\",\"content\",0,\"text\",\"text\"", "string_type"),
                broken("image block without image_url", log -> firstBlock(log).put("type", "image_url"), INPUT_MESSAGE + ",\"user\",\"content\",0,\"image_url\",\"image_url\"", "missing"),
                broken("tool_calls a string", log -> Bodies.firstOutputMessage(log).put("tool_calls", "f"), OUTPUT_MESSAGE + ",\"assistant\",\"tool_calls\"", "list_type"),
                broken("tool call without id", log -> toolCall(log).remove("id"), OUTPUT_MESSAGE + ",\"assistant\",\"tool_calls\",0,\"id\"", "missing"),
                broken("tool call without function", log -> toolCall(log).remove("function"), OUTPUT_MESSAGE + ",\"assistant\",\"tool_calls\",0,\"function\"", "missing"),
                broken("tool call function without name", log -> ((ObjectNode) toolCall(log).get("function")).remove("name"), OUTPUT_MESSAGE + ",\"assistant\",\"tool_calls\",0,\"function\",\"name\"", "missing"),
                broken("tool call arguments an object", log -> ((ObjectNode) toolCall(log).get("function")).putObject("arguments"), OUTPUT_MESSAGE + ",\"assistant\",\"tool_calls\",0,\"function\",\"arguments\"", "string_type"),
                broken("tool message without tool_call_id", log -> Bodies.firstInputMessage(log).put("role", "tool"), INPUT_MESSAGE + ",\"tool\",\"tool_call_id\"", "missing"),
                broken("function message without name", log -> Bodies.firstInputMessage(log).put("role", "function"), INPUT_MESSAGE + ",\"function\",\"name\"", "missing"),
                broken("placeholder without name", log -> Bodies.firstInputMessage(log).put("role", "placeholder"), INPUT_MESSAGE + ",\"placeholder\",\"name\"", "missing"),
                broken("completion without content", log -> log.putObject("input").put("type", "completion"), "\"body\",\"input\",\"completion\",\"content\"", "missing"),
                broken("completion content a string", log -> log.putObject("input").put("type", "completion").put("content", "Hi"), "\"body\",\"input\",\"completion\",\"content\"", "list_type"),
                // The optional fields.
                broken("parameters a string", log -> log.put("parameters", "t=1"), "\"body\",\"parameters\"", "dict_type"),
                broken("tags a string", log -> log.put("tags", "production"), "\"body\",\"tags\"", "list_type"),
                broken("tag a number", log -> log.set("tags", Bodies.array("[\"ok\", 5]")), "\"body\",\"tags\",1", "string_type"),
                broken("tag of 513 characters", log -> log.putArray("tags").add("t".repeat(513)), "\"body\",\"tags\",0", "string_too_long"),
                broken("metadata a string", log -> log.put("metadata", "a=b"), "\"body\",\"metadata\"", "dict_type"),
                broken("metadata value a number", log -> log.putObject("metadata").put("n", 5), "\"body\",\"metadata\",\"n\"", "string_type"),
                broken("metadata key of 1025 characters", log -> log.putObject("metadata").put("k".repeat(1025), "v"), "\"body\",\"metadata\",\"" + "k".repeat(1025) + "\"", "string_too_long"),
                broken("prompt_name a number", log -> log.put("prompt_name", 5), "\"body\",\"prompt_name\"", "string_type"),
                broken("prompt_id a string", log -> log.put("prompt_id", "p1"), "\"body\",\"prompt_id\"", "int_type"),
                broken("prompt_version_number 0", log -> log.put("prompt_version_number", 0), "\"body\",\"prompt_version_number\"", "greater_than"),
                broken("prompt_input_variables a list", log -> log.putArray("prompt_input_variables"), "\"body\",\"prompt_input_variables\"", "dict_type"),
                broken("input_tokens negative", log -> log.put("input_tokens", -1), "\"body\",\"input_tokens\"", "greater_than_equal"),
                broken("output_tokens a string", log -> log.put("output_tokens", "7"), "\"body\",\"output_tokens\"", "int_type"),
                broken("output_tokens a fraction", log -> log.put("output_tokens", 7.5), "\"body\",\"output_tokens\"", "int_type"),
                broken("price negative", log -> log.put("price", -0.01), "\"body\",\"price\"", "greater_than_equal"),
                broken("price a string", log -> log.put("price", "0.01"), "\"body\",\"price\"", "float_type"),
                broken("function_name null", log -> log.putNull("function_name"), "\"body\",\"function_name\"", "string_type"),
                broken("score 101", log -> log.put("score", 101), "\"body\",\"score\"", "less_than_equal"),
                broken("score negative", log -> log.put("score", -1), "\"body\",\"score\"", "greater_than_equal"),
                broken("score a fraction", log -> log.put("score", 50.5), "\"body\",\"score\"", "int_type"),
                broken("api_type a number", log -> log.put("api_type", 1), "\"body\",\"api_type\"", "string_type"),
                broken("status unknown", log -> log.put("status", "OK"), "\"body\",\"status\"", "literal_error"),
                broken("status lower case", log -> log.put("status", "success"), "\"body\",\"status\"", "literal_error"),
                broken("error_type unknown", log -> log.put("error_type", "TIMEOUT"), "\"body\",\"error_type\"", "literal_error"),
                broken("error_message of 1025 characters", log -> log.put("error_message", "e".repeat(1025)), "\"body\",\"error_message\"", "string_too_long"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void answers422NamingTheField(String rule, Consumer<ObjectNode> breakIt, String loc, String type) {
        ObjectNode log = withToolCall(Bodies.log());
        breakIt.accept(log);

        HttpResponse<String> response = client.postWithKey(Endpoint.LOG_REQUEST, log);

        Answers.assertOneViolation(response, loc, type);
        assertThat(fake.receivedLogs())
                .singleElement()
                .satisfies(
                        recorded -> {
                            assertThat(recorded.responseStatus()).isEqualTo(422);
                            assertThat(recorded.accepted()).isFalse();
                            assertThat(recorded.requestId()).isNull();
                        });
        assertThat(fake.logged()).isEmpty();
    }

    @Test
    void aPlainStringContentIsRefusedWithPydanticsMessage() {
        // The mistake the docs warn of: OpenAI's format, where content is a plain string.
        ObjectNode log =
                Bodies.logWithMessages("[{\"role\": \"user\", \"content\": \"Hello!\"}]");

        HttpResponse<String> response = client.postWithKey(Endpoint.LOG_REQUEST, log);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(TrackClient.json(response.body()))
                .isEqualTo(
                        TrackClient.json(
                                "{\"detail\":[{\"loc\":[\"body\",\"input\",\"chat\",\"messages\","
                                        + "0,\"user\",\"content\"],"
                                        + "\"msg\":\"Input should be a valid list\","
                                        + "\"type\":\"list_type\"}]}"));
    }

    @Test
    void listsEveryViolationInTheSchemasOrderWithPydanticsWords() {
        ObjectNode log = Bodies.log();
        log.remove("model");
        log.put("status", "OK");
        log.put("score", 101);
        Bodies.firstOutputMessage(log).put("role", "bot");

        HttpResponse<String> response = client.postWithKey(Endpoint.LOG_REQUEST, log);

        JsonNode detail = TrackClient.json(response.body()).get("detail");
        assertThat(detail).hasSize(4);
        assertThat(detail.get(0).get("loc").toString()).isEqualTo("[\"body\",\"model\"]");
        assertThat(detail.get(0).get("msg").asText()).isEqualTo("Field required");
        assertThat(detail.get(1).get("msg").asText())
                .isEqualTo(
                        "Input tag 'bot' found using 'role' does not match any of the expected tags:"
                                + " 'system', 'user', 'assistant', 'function', 'tool', 'placeholder',"
                                + " 'developer'");
        assertThat(detail.get(2).get("msg").asText())
                .isEqualTo("Input should be less than or equal to 100");
        assertThat(detail.get(3).get("msg").asText())
                .isEqualTo("Input should be 'SUCCESS', 'WARNING' or 'ERROR'");
    }

    @Test
    void acceptsTheBoundariesAndWhatTheSchemaDoesNotForbid() {
        ObjectNode log = withToolCall(Bodies.log());
        log.put("score", 100);
        log.put("input_tokens", 0);
        log.put("output_tokens", 0);
        log.put("price", 0);
        log.putArray("tags").add("t".repeat(512)).add("🚀".repeat(512));
        log.putObject("metadata").put("k".repeat(1024), "");
        log.put("error_message", "e".repeat(1024));
        log.put("prompt_version_number", 1);
        // The end before the start: the schema does not say otherwise.
        log.put("request_end_time", "2024-01-15T10:29:00.123456+02:00");
        for (String nullable :
                new String[] {"prompt_name", "prompt_id", "api_type", "error_type"}) {
            log.putNull(nullable);
        }

        HttpResponse<String> response = client.postWithKey(Endpoint.LOG_REQUEST, log);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void acceptsEveryRoleAndBlockTypeInTheirOwnShapes() {
        ObjectNode log =
                Bodies.logWithMessages(
                        "[{\"role\": \"system\", \"content\": [{\"type\": \"text\", \"text\": \"Be brief\"}]},"
                                + " {\"role\": \"developer\", \"content\": [], \"name\": null},"
                                + " {\"role\": \"placeholder\", \"name\": \"history\"},"
                                + " {\"role\": \"user\", \"name\": \"ada\", \"content\": ["
                                + "   {\"type\": \"image_url\", \"image_url\": {\"url\": \"https://x/y.png\"}},"
                                + "   {\"type\": \"media_variable\", \"name\": \"scan\"},"
                                + "   {\"type\": \"thinking\", \"thinking\": \"hm\", \"signature\": \"s\"},"
                                + "   {\"type\": \"code\", \"code\": \"1+1\"},"
                                + "   {\"type\": \"mcp_call\"}]},"
                                + " {\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"id\":"
                                + "   \"call_1\", \"type\": \"function\", \"function\": {\"name\": \"f\","
                                + "   \"arguments\": \"{}\"}}]},"
                                + " {\"role\": \"tool\", \"tool_call_id\": \"call_1\", \"content\":"
                                + "   [{\"type\": \"text\", \"text\": \"42\"}]},"
                                + " {\"role\": \"function\", \"name\": \"f\"}]");
        log.set(
                "output",
                TrackClient.jsonNode(
                        "{\"type\": \"completion\", \"content\": [{\"type\": \"text\", \"text\": \"ok\"}]}"));

        HttpResponse<String> response = client.postWithKey(Endpoint.LOG_REQUEST, log);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void aToolOnlyReplyMayHaveEmptyOrNoContent() {
        ObjectNode empty = withToolCall(Bodies.log());
        Bodies.firstOutputMessage(empty).putArray("content");
        ObjectNode none = withToolCall(Bodies.log());
        Bodies.firstOutputMessage(none).remove("content");

        assertThat(client.postWithKey(Endpoint.LOG_REQUEST, empty).statusCode()).isEqualTo(201);
        assertThat(client.postWithKey(Endpoint.LOG_REQUEST, none).statusCode()).isEqualTo(201);
    }

    /** The output's assistant message with one valid tool call, for the tool-call rules. */
    private static ObjectNode withToolCall(ObjectNode log) {
        Bodies.firstOutputMessage(log)
                .set(
                        "tool_calls",
                        Bodies.array(
                                "[{\"id\": \"call_1\", \"type\": \"function\", \"function\":"
                                        + " {\"name\": \"get_weather\", \"arguments\": \"{}\"}}]"));
        return log;
    }

    private static ObjectNode input(ObjectNode log) {
        return (ObjectNode) log.get("input");
    }

    private static ObjectNode firstBlock(ObjectNode log) {
        return (ObjectNode) Bodies.firstInputMessage(log).get("content").get(0);
    }

    private static ObjectNode toolCall(ObjectNode log) {
        return (ObjectNode) Bodies.firstOutputMessage(log).get("tool_calls").get(0);
    }

    private static Arguments broken(
            String rule, Consumer<ObjectNode> breakIt, String loc, String type) {
        return Arguments.of(rule, breakIt, loc, type);
    }
}
