package dev.pltrack.springai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.llm.LlmCall;
import dev.pltrack.spring.PromptLayerAutoConfiguration;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/** When the handler is there, and that it reaches the registry Spring AI's models use. */
class SpringAiAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PromptLayerAutoConfiguration.class,
                    PltrackSpringAiAutoConfiguration.class))
            .withPropertyValues("promptlayer.api-key=pl_test_key", "promptlayer.base-url=http://127.0.0.1:9");

    @Test
    void withoutBootsObservationConfigurationItDefinesARegistryHoldingTheHandler() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(PromptLayerChatObservationHandler.class);
            assertThat(context).hasSingleBean(ObservationRegistry.class);
            assertThat(context).hasBean("promptLayerObservationRegistry");
            assertHandlerRuns(context);
        });
    }

    @Test
    void withBootsObservationConfigurationItAddsTheHandlerToBootsRegistry() throws ClassNotFoundException {
        runner.withConfiguration(AutoConfigurations.of(bootObservationAutoConfiguration())).run(context -> {
            assertThat(context).hasSingleBean(ObservationRegistry.class);
            assertThat(context).doesNotHaveBean("promptLayerObservationRegistry");
            assertHandlerRuns(context);
        });
    }

    @Test
    void anApplicationsOwnRegistryGetsTheHandler() {
        ObservationRegistry own = ObservationRegistry.create();
        runner.withBean("ownRegistry", ObservationRegistry.class, () -> own).run(context -> {
            assertThat(context).hasSingleBean(ObservationRegistry.class);
            assertThat(context.getBean(ObservationRegistry.class)).isSameAs(own);
            assertHandlerRuns(context);
        });
    }

    @Test
    void loggingDisabledRegistersNothing() {
        runner.withPropertyValues("promptlayer.logging.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(PromptLayerChatObservationHandler.class);
            assertThat(context).doesNotHaveBean(ObservationRegistryHandlerRegistrar.class);
            assertThat(context).doesNotHaveBean(ObservationRegistry.class);
        });
    }

    @Test
    void promptLayerDisabledRegistersNothing() {
        runner.withPropertyValues("promptlayer.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(PromptLayerChatObservationHandler.class);
            assertThat(context).doesNotHaveBean(ObservationRegistry.class);
        });
    }

    @Test
    void withoutSpringAiNothingIsRegistered() {
        runner.withClassLoader(new FilteredClassLoader(ChatModelObservationContext.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(PromptLayerChatObservationHandler.class);
        });
    }

    @Test
    void anApplicationsOwnHandlerWins() {
        runner.withUserConfiguration(OwnHandler.class).run(context -> {
            assertThat(context).hasSingleBean(PromptLayerChatObservationHandler.class);
            assertThat(context).hasBean("ownHandler");
        });
    }

    static class OwnHandler {
        @org.springframework.context.annotation.Bean
        PromptLayerChatObservationHandler ownHandler() {
            return new PromptLayerChatObservationHandler(dev.pltrack.llm.LlmCallLogger.disabled());
        }
    }

    /** Starts a chat observation the way Spring AI's models do and sees that the handler took it. */
    private static void assertHandlerRuns(ApplicationContext context) {
        ObservationRegistry registry = context.getBean(ObservationRegistry.class);
        ChatModelObservationContext chat = ChatModelObservationContext.builder()
                .prompt(new Prompt(new UserMessage("Hello"))).provider("openai").build();
        Observation.createNotStarted("gen_ai.client.operation", () -> chat, registry).start();
        LlmCall call = chat.get(LlmCall.class);
        assertThat(call).isNotNull();
    }

    /** Boot 4's, else Boot 3's (Actuator's) observation auto-configuration. */
    private static Class<?> bootObservationAutoConfiguration() throws ClassNotFoundException {
        try {
            return Class.forName("org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration");
        } catch (ClassNotFoundException e) {
            return Class.forName("org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration");
        }
    }
}
