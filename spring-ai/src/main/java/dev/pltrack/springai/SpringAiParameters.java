package dev.pltrack.springai;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * The model parameters of a call as PromptLayer reads them ({@code temperature}, {@code top_p},
 * {@code max_tokens}, {@code stop}, {@code tools}...), from the prompt's chat options; unset options
 * are left out.
 */
final class SpringAiParameters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpringAiParameters() {
    }

    static Map<String, Object> of(ChatOptions options) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (options == null) {
            return parameters;
        }
        putIfSet(parameters, "temperature", options.getTemperature());
        putIfSet(parameters, "top_p", options.getTopP());
        putIfSet(parameters, "top_k", options.getTopK());
        putIfSet(parameters, "max_tokens", options.getMaxTokens());
        putIfSet(parameters, "frequency_penalty", options.getFrequencyPenalty());
        putIfSet(parameters, "presence_penalty", options.getPresencePenalty());
        List<String> stop = options.getStopSequences();
        if (stop != null && !stop.isEmpty()) {
            parameters.put("stop", List.copyOf(stop));
        }
        if (options instanceof ToolCallingChatOptions tooling) {
            List<Map<String, Object>> tools = tools(tooling.getToolCallbacks());
            if (!tools.isEmpty()) {
                parameters.put("tools", tools);
            }
        }
        return parameters;
    }

    private static List<Map<String, Object>> tools(List<ToolCallback> callbacks) {
        List<Map<String, Object>> tools = new ArrayList<>();
        if (callbacks == null) {
            return tools;
        }
        for (ToolCallback callback : callbacks) {
            ToolDefinition definition = callback.getToolDefinition();
            Map<String, Object> function = new LinkedHashMap<>();
            function.put("name", definition.name());
            if (definition.description() != null) {
                function.put("description", definition.description());
            }
            function.put("parameters", schema(definition.inputSchema()));
            Map<String, Object> tool = new LinkedHashMap<>();
            tool.put("type", "function");
            tool.put("function", function);
            tools.add(tool);
        }
        return tools;
    }

    /** The JSON schema as a JSON value; an empty object when there is none or it is not JSON. */
    private static Object schema(String inputSchema) {
        if (inputSchema == null || inputSchema.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(inputSchema, Object.class);
        } catch (Exception e) {
            return Map.of();
        }
    }

    private static void putIfSet(Map<String, Object> parameters, String name, Object value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }
}
