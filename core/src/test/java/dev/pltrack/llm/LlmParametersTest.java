package dev.pltrack.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmParametersTest {

    @Test
    void setValuesKeepTheirOrderAndUnsetOnesAreLeftOut() {
        Map<String, Object> parameters = LlmParameters.builder().temperature(0.5).topP(null).topK(40)
                .frequencyPenalty(null).presencePenalty(0.2).maxTokens(256).stop(List.of()).toolChoice("auto")
                .responseFormat("json_object").build();

        assertThat(parameters).containsExactly(Map.entry("temperature", 0.5), Map.entry("top_k", 40),
                Map.entry("presence_penalty", 0.2), Map.entry("max_tokens", 256), Map.entry("tool_choice", "auto"),
                Map.entry("response_format", Map.of("type", "json_object")));
        assertThat(LlmParameters.builder().stop(null).responseFormat(null).build()).isEmpty();
    }

    @Test
    void toolsAreOpenAiFunctionDefinitions() {
        Map<String, Object> parameters = LlmParameters.builder()
                .function("weather", "Weather in a city", Map.of("type", "object"))
                .function("time", null, null)
                .build();

        assertThat(parameters.get("tools")).hasToString("[{type=function, function={name=weather, "
                + "description=Weather in a city, parameters={type=object}}}, {type=function, function={name=time}}]");
    }
}
