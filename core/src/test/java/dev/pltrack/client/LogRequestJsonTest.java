package dev.pltrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pltrack.client.blueprint.ChatMessage;
import dev.pltrack.client.blueprint.PromptBlueprint;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every optional field of a log request, set, as {@code POST /log-request} receives it, byte for byte. */
class LogRequestJsonTest {

    private static String json(LogRequest log) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartObject();
            LogRequestJson.write(log, json);
            json.writeEndObject();
        }
        return out.toString();
    }

    @Test
    void everyOptionalFieldSetIsSent() throws IOException {
        LogRequest log = LogRequest.builder("openai", "gpt-4o")
                .input(PromptBlueprint.chat(ChatMessage.user("hi")))
                .output(PromptBlueprint.chat(ChatMessage.assistant("hello")))
                .times(Instant.parse("2026-12-04T10:00:00Z"), Instant.parse("2026-12-04T10:00:01Z"))
                .parameter("temperature", 0.5)
                .tag("eu")
                .metadata("user_id", "u-1")
                .promptName("greeting")
                .promptId(12L)
                .promptVersionNumber(3)
                .promptInputVariables(Map.of("name", "Ada"))
                .tokens(5, 7)
                .price(0.25)
                .functionName("openai.chat.completions.create")
                .score(80)
                .apiType("chat-completions")
                .failed(LogErrorType.PROVIDER_RATE_LIMIT, "slow down")
                .build();

        assertThat(json(log)).isEqualTo("{\"provider\":\"openai\",\"model\":\"gpt-4o\","
                + "\"input\":{\"type\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}]},"
                + "\"output\":{\"type\":\"chat\",\"messages\":[{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"hello\"}]}]},"
                + "\"request_start_time\":\"2026-12-04T10:00:00Z\",\"request_end_time\":\"2026-12-04T10:00:01Z\","
                + "\"parameters\":{\"temperature\":0.5},\"tags\":[\"eu\"],\"metadata\":{\"user_id\":\"u-1\"},"
                + "\"prompt_name\":\"greeting\",\"prompt_id\":12,\"prompt_version_number\":3,"
                + "\"prompt_input_variables\":{\"name\":\"Ada\"},\"input_tokens\":5,\"output_tokens\":7,\"price\":0.25,"
                + "\"function_name\":\"openai.chat.completions.create\",\"score\":80,\"api_type\":\"chat-completions\","
                + "\"status\":\"ERROR\",\"error_type\":\"PROVIDER_RATE_LIMIT\",\"error_message\":\"slow down\"}");
    }
}
