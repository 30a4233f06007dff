package dev.pltrack.spring.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.pltrack.MetadataParam;
import dev.pltrack.TrackMetadata;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.langchain4j.PromptLayerChatModelListener;
import dev.pltrack.spring.PromptLayerAutoConfiguration;
import dev.pltrack.testkit.FakeOpenAi;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.RecordedLog;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With pltrack-langchain4j on the class path the starter contributes a {@code ChatModelListener}
 * bean; a LangChain4j model built with the context's listeners logs its calls to PromptLayer, with
 * the metadata of the {@code @TrackMetadata} bean method around them.
 */
class PltrackLangChain4jAutoConfigurationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeOpenAi openAi;
    private FakePromptLayer promptLayer;
    private ApplicationContextRunner runner;

    @BeforeEach
    void start() {
        openAi = FakeOpenAi.start();
        openAi.answers("gpt-4o-mini", "Hi Ada!", 5, 3);
        promptLayer = FakePromptLayer.start();
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PromptLayerAutoConfiguration.class,
                        PltrackLangChain4jAutoConfiguration.class))
                .withPropertyValues("promptlayer.api-key=" + promptLayer.apiKey(),
                        "promptlayer.base-url=" + promptLayer.baseUrl(), "promptlayer.logging.tags=spring");
    }

    @AfterEach
    void stop() {
        promptLayer.close();
        openAi.close();
    }

    @Test
    void aModelBuiltWithTheContextsListenersLogsItsCallsWithTheEnclosingMetadata() {
        runner.withUserConfiguration(ChatApp.class)
                .withPropertyValues("test.openai.base-url=" + openAi.baseUrl()).run(context -> {
            assertThat(context).hasSingleBean(PromptLayerChatModelListener.class);

            assertThat(context.getBean(ChatService.class).answer("u-42", "Hello?")).isEqualTo("Hi Ada!");

            assertThat(context.getBean(DeliveryEngine.class).flush(WAIT)).isTrue();
            RecordedLog log = promptLayer.awaitLogged(1, WAIT).get(0);
            assertThat(log.provider()).isEqualTo("openai");
            assertThat(log.model()).isEqualTo("gpt-4o-mini");
            assertThat(log.input().toString()).contains("Hello?");
            assertThat(log.output().toString()).contains("Hi Ada!");
            assertThat(log.tags()).containsExactly("spring");
            assertThat(log.metadata()).containsEntry("user_id", "u-42").containsEntry("feature", "chat");
            assertThat(promptLayer.calls()).hasSize(1);
        });
    }

    @Test
    void noListenerWhenLoggingIsOff() {
        runner.withPropertyValues("promptlayer.logging.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ChatModelListener.class));
    }

    @Test
    void noListenerWhenPltrackIsOff() {
        runner.withPropertyValues("promptlayer.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ChatModelListener.class));
    }

    @Test
    void noListenerWithoutLangChain4jOrWithoutPltrackLangChain4j() {
        runner.withClassLoader(new FilteredClassLoader(ChatModelListener.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PromptLayerChatModelListener.class));
        runner.withClassLoader(new FilteredClassLoader(PromptLayerChatModelListener.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ChatModelListener.class));
    }

    @Test
    void theApplicationsOwnListenerIsKept() {
        runner.withBean("mine", PromptLayerChatModelListener.class,
                () -> new PromptLayerChatModelListener(dev.pltrack.llm.LlmCallLogger.disabled()))
                .run(context -> assertThat(context.getBeansOfType(PromptLayerChatModelListener.class)).containsOnlyKeys("mine"));
    }

    /** An application that builds its LangChain4j model by hand, with the context's listeners. */
    @Configuration(proxyBeanMethods = false)
    static class ChatApp {
        @Bean
        ChatModel chatModel(List<ChatModelListener> listeners, org.springframework.core.env.Environment env) {
            return OpenAiChatModel.builder().baseUrl(openAiUrl(env)).apiKey("sk-fake-openai").modelName("gpt-4o-mini")
                    .maxRetries(0).listeners(listeners).build();
        }

        @Bean
        ChatService chatService(ChatModel model) {
            return new ChatService(model);
        }

        private static String openAiUrl(org.springframework.core.env.Environment env) {
            return env.getRequiredProperty("test.openai.base-url");
        }
    }

    public static class ChatService {
        private final ChatModel model;

        public ChatService(ChatModel model) {
            this.model = model;
        }

        @TrackMetadata({"feature=chat"})
        public String answer(@MetadataParam("user_id") String user, String question) {
            return model.chat(question);
        }
    }
}
