package dev.pltrack.llm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A logged call's {@code parameters} under the names PromptLayer shows for chat calls (OpenAI's:
 * {@code temperature}, {@code top_p}, {@code max_tokens}, {@code stop}, {@code tools}...), in the
 * order they are given; a value that was not set ({@code null}, an empty list) is left out. Each
 * integration reads its own options into it, so the names and the shape of a tool are the same in
 * every integration.
 */
public final class LlmParameters {

    private final Map<String, Object> values = new LinkedHashMap<>();

    private LlmParameters() {
    }

    public static LlmParameters builder() {
        return new LlmParameters();
    }

    public LlmParameters temperature(Double temperature) {
        return putIfSet("temperature", temperature);
    }

    public LlmParameters topP(Double topP) {
        return putIfSet("top_p", topP);
    }

    public LlmParameters topK(Integer topK) {
        return putIfSet("top_k", topK);
    }

    public LlmParameters frequencyPenalty(Double penalty) {
        return putIfSet("frequency_penalty", penalty);
    }

    public LlmParameters presencePenalty(Double penalty) {
        return putIfSet("presence_penalty", penalty);
    }

    public LlmParameters maxTokens(Integer maxTokens) {
        return putIfSet("max_tokens", maxTokens);
    }

    public LlmParameters stop(List<String> sequences) {
        return sequences == null || sequences.isEmpty() ? this : putIfSet("stop", List.copyOf(sequences));
    }

    /** {@code auto}, {@code required}, {@code none}... */
    public LlmParameters toolChoice(String choice) {
        return putIfSet("tool_choice", choice);
    }

    /** {@code {"type": ...}}: {@code text}, {@code json_object} or {@code json_schema}. */
    public LlmParameters responseFormat(String type) {
        return type == null ? this : putIfSet("response_format", Map.of("type", type));
    }

    /**
     * A tool the model may call, added to {@code tools} as
     * {@code {"type":"function","function":{"name":...,"description":...,"parameters":schema}}}.
     *
     * @param description left out when null
     * @param schema      its parameters' JSON schema as JSON values (maps, lists, text...); left out when null
     */
    public LlmParameters function(String name, String description, Object schema) {
        Map<String, Object> function = new LinkedHashMap<>();
        function.put("name", name);
        if (description != null) {
            function.put("description", description);
        }
        if (schema != null) {
            function.put("parameters", schema);
        }
        Map<String, Object> tool = new LinkedHashMap<>(); // in OpenAI's order, the same on every run
        tool.put("type", "function");
        tool.put("function", function);
        tools().add(tool);
        return this;
    }

    /** A copy, in the order given. */
    public Map<String, Object> build() {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.computeIfPresent("tools", (key, tools) -> List.copyOf((List<?>) tools));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private List<Object> tools() {
        return (List<Object>) values.computeIfAbsent("tools", key -> new ArrayList<>());
    }

    private LlmParameters putIfSet(String name, Object value) {
        if (value != null) {
            values.put(name, value);
        }
        return this;
    }
}
