package dev.pltrack.langchain4j;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A chat request's parameters under the names PromptLayer shows for OpenAI-style calls
 * ({@code temperature}, {@code top_p}, {@code max_tokens}, {@code stop}, {@code tools}...); unset
 * ones are left out.
 */
final class ChatParameters {

    private ChatParameters() {
    }

    static Map<String, Object> of(ChatRequestParameters parameters) {
        Map<String, Object> mapped = new LinkedHashMap<>();
        if (parameters == null) {
            return mapped;
        }
        putIfSet(mapped, "temperature", parameters.temperature());
        putIfSet(mapped, "top_p", parameters.topP());
        putIfSet(mapped, "top_k", parameters.topK());
        putIfSet(mapped, "frequency_penalty", parameters.frequencyPenalty());
        putIfSet(mapped, "presence_penalty", parameters.presencePenalty());
        putIfSet(mapped, "max_tokens", parameters.maxOutputTokens());
        if (parameters.stopSequences() != null && !parameters.stopSequences().isEmpty()) {
            mapped.put("stop", List.copyOf(parameters.stopSequences()));
        }
        if (parameters.toolSpecifications() != null && !parameters.toolSpecifications().isEmpty()) {
            List<Map<String, Object>> tools = new ArrayList<>();
            parameters.toolSpecifications().forEach(tool -> tools.add(functionOf(tool)));
            mapped.put("tools", tools);
        }
        if (parameters.toolChoice() != null) {
            mapped.put("tool_choice", parameters.toolChoice().name().toLowerCase(Locale.ROOT));
        }
        ResponseFormat format = parameters.responseFormat();
        if (format != null && format.type() != null) {
            mapped.put("response_format", Map.of("type", responseFormatType(format)));
        }
        return mapped;
    }

    /** {@code {"type":"function","function":{"name":...,"description":...,"parameters":{schema}}}} */
    private static Map<String, Object> functionOf(ToolSpecification tool) {
        Map<String, Object> function = new LinkedHashMap<>();
        function.put("name", tool.name());
        if (tool.description() != null) {
            function.put("description", tool.description());
        }
        if (tool.parameters() != null) {
            function.put("parameters", schemaOf(tool));
        }
        Map<String, Object> definition = new LinkedHashMap<>(); // in OpenAI's order, the same on every run
        definition.put("type", "function");
        definition.put("function", function);
        return definition;
    }

    private static Map<String, Object> schemaOf(ToolSpecification tool) {
        try {
            return JsonSchemaElementUtils.toMap(tool.parameters());
        } catch (RuntimeException | LinkageError e) {
            // An internal LangChain4j helper: if a later version changes it, the schema is left out, not the call.
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

    private static void putIfSet(Map<String, Object> parameters, String name, Object value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }
}
