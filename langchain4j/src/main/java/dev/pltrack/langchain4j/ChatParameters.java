package dev.pltrack.langchain4j;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.pltrack.llm.LlmParameters;
import java.util.Locale;
import java.util.Map;

/** A LangChain4j chat request's parameters, read into core's {@link LlmParameters}. */
final class ChatParameters {

    private ChatParameters() {
    }

    static Map<String, Object> of(ChatRequestParameters parameters) {
        LlmParameters mapped = LlmParameters.builder();
        if (parameters == null) {
            return mapped.build();
        }
        mapped.temperature(parameters.temperature())
                .topP(parameters.topP())
                .topK(parameters.topK())
                .frequencyPenalty(parameters.frequencyPenalty())
                .presencePenalty(parameters.presencePenalty())
                .maxTokens(parameters.maxOutputTokens())
                .stop(parameters.stopSequences());
        if (parameters.toolSpecifications() != null) {
            for (ToolSpecification tool : parameters.toolSpecifications()) {
                mapped.function(tool.name(), tool.description(), tool.parameters() == null ? null : schemaOf(tool));
            }
        }
        if (parameters.toolChoice() != null) {
            mapped.toolChoice(parameters.toolChoice().name().toLowerCase(Locale.ROOT));
        }
        ResponseFormat format = parameters.responseFormat();
        if (format != null && format.type() != null) {
            mapped.responseFormat(responseFormatType(format));
        }
        return mapped.build();
    }

    private static Map<String, Object> schemaOf(ToolSpecification tool) {
        try {
            return JsonSchemaElementUtils.toMap(tool.parameters());
        } catch (RuntimeException | LinkageError e) {
            // An internal LangChain4j helper: if a later version changes it, the schema is left vague, not the call.
            return Map.of("type", "object");
        }
    }

    /** OpenAI's names: {@code text}, {@code json_object}, or {@code json_schema} when a schema is given. */
    private static String responseFormatType(ResponseFormat format) {
        if (format.type() == ResponseFormatType.TEXT) {
            return "text";
        }
        return format.jsonSchema() == null ? "json_object" : "json_schema";
    }
}
