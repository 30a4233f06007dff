package dev.pltrack.micronaut.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.langchain4j.PromptLayerChatModelListener;
import dev.pltrack.testkit.FakeOpenAi;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.RecordedLog;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The listener bean, and a LangChain4j model built with the context's listeners logging to PromptLayer. */
class PltrackLangChain4jFactoryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeOpenAi openAi;
    private FakePromptLayer promptLayer;

    @BeforeEach
    void start() {
        openAi = FakeOpenAi.start();
        openAi.answers("gpt-4o-mini", "Hi!", 5, 2);
        promptLayer = FakePromptLayer.start();
    }

    @AfterEach
    void stop() {
        promptLayer.close();
        openAi.close();
    }

    private ApplicationContext run(Map<String, Object> more) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of("promptlayer.api-key", promptLayer.apiKey(),
                "promptlayer.base-url", promptLayer.baseUrl(), "promptlayer.logging.tags", List.of("micronaut")));
        properties.putAll(more);
        return ApplicationContext.run(properties);
    }

    @Test
    void aModelBuiltWithTheContextsListenersLogsItsCalls() throws InterruptedException {
        try (ApplicationContext context = run(Map.of())) {
            List<ChatModelListener> listeners = List.copyOf(context.getBeansOfType(ChatModelListener.class));
            assertThat(listeners).singleElement().isInstanceOf(PromptLayerChatModelListener.class);
            OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(openAi.baseUrl())
                    .apiKey("sk-fake-openai").modelName("gpt-4o-mini").maxRetries(0).listeners(listeners).build();

            assertThat(model.chat("Hello?")).isEqualTo("Hi!");

            assertThat(context.getBean(DeliveryEngine.class).flush(WAIT)).isTrue();
            RecordedLog log = promptLayer.awaitLogged(1, WAIT).get(0);
            assertThat(log.provider()).isEqualTo("openai");
            assertThat(log.model()).isEqualTo("gpt-4o-mini");
            assertThat(log.input().toString()).contains("Hello?");
            assertThat(log.output().toString()).contains("Hi!");
            assertThat(log.tags()).containsExactly("micronaut");
            assertThat(log.inputTokens()).isEqualTo(5);
        }
    }

    @Test
    void noListenerWhenLoggingIsOff() {
        try (ApplicationContext context = run(Map.of("promptlayer.logging.enabled", "false"))) {
            assertThat(context.getBeansOfType(ChatModelListener.class)).isEmpty();
        }
    }

    @Test
    void noListenerWhenPltrackIsOff() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("promptlayer.enabled", "false"))) {
            assertThat(context.getBeansOfType(ChatModelListener.class)).isEmpty();
        }
    }
}
