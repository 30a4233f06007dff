package dev.pltrack.client;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pltrack.client.blueprint.ChatMessage;
import dev.pltrack.client.blueprint.ContentBlock;
import dev.pltrack.client.blueprint.PromptBlueprint;
import dev.pltrack.client.blueprint.ToolCall;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A {@link LogRequest} as {@code POST /log-request}'s JSON. Optional fields left unset are left out,
 * so that PromptLayer applies its own defaults.
 */
final class LogRequestJson {

    private LogRequestJson() {
    }

    static void write(LogRequest log, JsonGenerator json) throws IOException {
        json.writeStringField("provider", log.provider());
        json.writeStringField("model", log.model());
        json.writeFieldName("input");
        blueprint(log.input(), json);
        json.writeFieldName("output");
        blueprint(log.output(), json);
        json.writeStringField("request_start_time", log.requestStartTime().toString());
        json.writeStringField("request_end_time", log.requestEndTime().toString());
        if (!log.parameters().isEmpty()) {
            json.writeFieldName("parameters");
            JsonValues.write(log.parameters(), json);
        }
        if (!log.tags().isEmpty()) {
            json.writeArrayFieldStart("tags");
            for (String tag : log.tags()) {
                json.writeString(tag);
            }
            json.writeEndArray();
        }
        if (!log.metadata().isEmpty()) {
            json.writeObjectFieldStart("metadata");
            for (Map.Entry<String, String> entry : log.metadata().entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
        }
        optional("prompt_name", log.promptName(), json);
        if (log.promptId() != null) {
            json.writeNumberField("prompt_id", log.promptId());
        }
        if (log.promptVersionNumber() != null) {
            json.writeNumberField("prompt_version_number", log.promptVersionNumber());
        }
        if (!log.promptInputVariables().isEmpty()) {
            json.writeFieldName("prompt_input_variables");
            JsonValues.write(log.promptInputVariables(), json);
        }
        json.writeNumberField("input_tokens", log.inputTokens());
        json.writeNumberField("output_tokens", log.outputTokens());
        if (log.price() != null) {
            json.writeNumberField("price", log.price());
        }
        optional("function_name", log.functionName(), json);
        if (log.score() != null) {
            json.writeNumberField("score", log.score());
        }
        optional("api_type", log.apiType(), json);
        json.writeStringField("status", log.status().name());
        if (log.errorType() != null) {
            json.writeStringField("error_type", log.errorType().name());
        }
        optional("error_message", log.errorMessage(), json);
    }

    private static void optional(String field, String value, JsonGenerator json) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    static void blueprint(PromptBlueprint blueprint, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", blueprint.type());
        if (blueprint instanceof PromptBlueprint.Chat chat) {
            json.writeArrayFieldStart("messages");
            for (ChatMessage message : chat.messages()) {
                message(message, json);
            }
            json.writeEndArray();
        } else {
            json.writeFieldName("content");
            blocks(((PromptBlueprint.Completion) blueprint).content(), json);
        }
        json.writeEndObject();
    }

    private static void message(ChatMessage message, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("role", message.role().wireName());
        json.writeFieldName("content");
        blocks(message.content(), json);
        optional("name", message.name(), json);
        if (!message.toolCalls().isEmpty()) {
            json.writeArrayFieldStart("tool_calls");
            for (ToolCall call : message.toolCalls()) {
                json.writeStartObject();
                json.writeStringField("id", call.id());
                json.writeStringField("type", "function");
                json.writeObjectFieldStart("function");
                json.writeStringField("name", call.name());
                json.writeStringField("arguments", call.arguments());
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        optional("tool_call_id", message.toolCallId(), json);
        json.writeEndObject();
    }

    private static void blocks(List<ContentBlock> blocks, JsonGenerator json) throws IOException {
        json.writeStartArray();
        for (ContentBlock block : blocks) {
            json.writeStartObject();
            json.writeStringField("type", block.type());
            if (block instanceof ContentBlock.Text text) {
                json.writeStringField("text", text.text());
            } else if (block instanceof ContentBlock.Thinking thinking) {
                json.writeStringField("thinking", thinking.thinking());
                optional("signature", thinking.signature(), json);
            } else {
                json.writeObjectFieldStart("image_url");
                json.writeStringField("url", ((ContentBlock.ImageUrl) block).url());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
