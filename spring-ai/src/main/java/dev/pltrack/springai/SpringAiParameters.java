package dev.pltrack.springai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pltrack.llm.LlmParameters;
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
        LlmParameters parameters = LlmParameters.builder();
        if (options == null) {
            return parameters.build();
        }
        parameters.temperature(options.getTemperature())
                .topP(options.getTopP())
                .topK(options.getTopK())
                .maxTokens(options.getMaxTokens())
                .frequencyPenalty(options.getFrequencyPenalty())
                .presencePenalty(options.getPresencePenalty())
                .stop(options.getStopSequences());
        if (options instanceof ToolCallingChatOptions tooling && tooling.getToolCallbacks() != null) {
            for (ToolCallback callback : tooling.getToolCallbacks()) {
                ToolDefinition definition = callback.getToolDefinition();
                parameters.function(definition.name(), definition.description(), schema(definition.inputSchema()));
            }
        }
        return parameters.build();
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
}
