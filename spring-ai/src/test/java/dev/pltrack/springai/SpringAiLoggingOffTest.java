package dev.pltrack.springai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.testkit.FakePromptLayer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import dev.pltrack.delivery.DeliveryEngine;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** promptlayer.logging.enabled=false over real HTTP: the chat calls work and PromptLayer receives nothing. */
@SpringBootTest(classes = SpringAiTestApp.class, properties = "promptlayer.logging.enabled=false")
class SpringAiLoggingOffTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final FakeOpenAi OPEN_AI = new FakeOpenAi();
    private static final FakePromptLayer PROMPT_LAYER = FakePromptLayer.start();

    @AfterAll
    static void stop() {
        OPEN_AI.close();
        PROMPT_LAYER.close();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SpringAiTestProperties.register(registry, OPEN_AI, PROMPT_LAYER);
    }

    @Autowired
    ChatClient chatClient;

    @Autowired
    SpringAiTestApp.AssistantService assistant;

    @Autowired
    ApplicationContext context;

    @Autowired
    DeliveryEngine engine;

    @Test
    void nothingIsSent() throws InterruptedException {
        assertThat(context.getBeansOfType(PromptLayerChatObservationHandler.class)).isEmpty();
        PROMPT_LAYER.reset();
        assertThat(chatClient.prompt().user("Hello").call().content()).isEqualTo("Hi there!");
        assertThat(chatClient.prompt().user("Say hello").stream().content().collectList().block(WAIT))
                .isNotEmpty();
        assistant.ask("u-1", "Hello");

        assertThat(OPEN_AI.chatRequests()).isGreaterThanOrEqualTo(3);
        // Whatever was pending is delivered by now: there must be nothing.
        assertThat(engine.flush(WAIT)).isTrue();
        assertThat(PROMPT_LAYER.receivedLogs()).isEmpty();
    }
}
