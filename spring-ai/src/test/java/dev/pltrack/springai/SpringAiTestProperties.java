package dev.pltrack.springai;

import dev.pltrack.testkit.FakePromptLayer;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points Spring AI at the fake OpenAI and pltrack at the fake PromptLayer, with no retries. */
final class SpringAiTestProperties {

    private SpringAiTestProperties() {
    }

    static void register(DynamicPropertyRegistry registry, FakeOpenAi openAi, FakePromptLayer promptLayer) {
        registry.add("spring.ai.openai.base-url", openAi::springAiBaseUrl);
        registry.add("spring.ai.openai.api-key", () -> "test");
        registry.add("spring.ai.openai.chat.options.model", () -> "gpt-4o-mini");
        registry.add("spring.ai.openai.chat.options.temperature", () -> "0.2");
        // Spring AI 2 (OpenAI's SDK retries) and 1.x (spring-ai-retry): one attempt each.
        registry.add("spring.ai.openai.max-retries", () -> "0");
        registry.add("spring.ai.retry.max-attempts", () -> "1");
        registry.add("promptlayer.base-url", promptLayer::baseUrl);
        registry.add("promptlayer.api-key", promptLayer::apiKey);
        registry.add("promptlayer.retry.max-attempts", () -> "1");
    }
}
