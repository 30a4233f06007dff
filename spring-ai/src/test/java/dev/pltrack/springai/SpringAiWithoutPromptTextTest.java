package dev.pltrack.springai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.RecordedLog;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** promptlayer.logging.include-prompt=false over real HTTP: the prompt's shape is sent, not its text. */
@SpringBootTest(classes = SpringAiTestApp.class, properties = {"promptlayer.logging.include-prompt=false",
        "promptlayer.logging.tags=spring-ai-test"})
class SpringAiWithoutPromptTextTest {

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

    @Test
    void noPromptTextIsSentButTheAnswerIs() {
        PROMPT_LAYER.reset();
        chatClient.prompt().user("my secret question").call().content();

        RecordedLog log = PROMPT_LAYER.awaitLogged(1, WAIT).get(0);
        assertThat(log.rawBody()).doesNotContain("my secret question").doesNotContain(SpringAiTestApp.SYSTEM);
        assertThat(log.input().get("messages")).hasSize(2);
        assertThat(log.input().get("messages").get(1).get("role").asText()).isEqualTo("user");
        assertThat(log.input().get("messages").get(1).get("content")).isEmpty();
        assertThat(log.output().get("messages").get(0).get("content").get(0).get("text").asText())
                .isEqualTo("Hi there!");
        assertThat(log.tags()).containsExactly("spring-ai-test");
    }
    }
