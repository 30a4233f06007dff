package dev.pltrack.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.RecordedLog;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Real HTTP on both sides: Spring AI's OpenAI chat model against a fake OpenAI, pltrack against the
 * fake PromptLayer. Each test asserts exactly what PromptLayer received.
 */
@SpringBootTest(classes = SpringAiTestApp.class)
@ExtendWith(OutputCaptureExtension.class)
class SpringAiOpenAiLoggingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final FakeOpenAi OPEN_AI = new FakeOpenAi();
    private static final FakePromptLayer PROMPT_LAYER = FakePromptLayer.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SpringAiTestProperties.register(registry, OPEN_AI, PROMPT_LAYER);
    }

    @AfterAll
    static void stop() {
        OPEN_AI.close();
        PROMPT_LAYER.close();
    }

    @Autowired
    ChatClient chatClient;

    @Autowired
    ChatModel chatModel;

    @Autowired
    SpringAiTestApp.AssistantService assistant;

    @BeforeEach
    void reset() {
        OPEN_AI.reset();
        PROMPT_LAYER.reset();
    }

    @Test
    void aToolCallingChatClientCallIsLoggedOncePerModelCallWithItsWholeConversation() {
        String answer = chatClient.prompt().user("What is the weather in Paris?")
                .tools(new SpringAiTestApp.WeatherTools()).call().content();

        assertThat(answer).isEqualTo("It is sunny in Paris.");
        List<RecordedLog> logs = PROMPT_LAYER.awaitLogged(2, WAIT);
        assertThat(OPEN_AI.chatRequests()).isEqualTo(2);
        assertThat(PROMPT_LAYER.receivedLogs()).hasSize(2);

        // Delivered in the background: the arrival order is not the call order. The first call had two messages.
        RecordedLog first = logs.stream().filter(log -> log.input().get("messages").size() == 2).findFirst().orElseThrow();
        RecordedLog second = logs.stream().filter(log -> log != first).findFirst().orElseThrow();
        assertThat(first.provider()).isEqualTo("openai");
        assertThat(first.model()).isEqualTo(FakeOpenAi.MODEL);
        assertThat(first.status()).isEqualTo("SUCCESS");
        assertThat(first.inputTokens()).isEqualTo(20L);
        assertThat(first.outputTokens()).isEqualTo(5L);
        JsonNode firstInput = first.input().get("messages");
        assertThat(firstInput).hasSize(2);
        assertText(firstInput.get(0), "system", SpringAiTestApp.SYSTEM);
        assertText(firstInput.get(1), "user", "What is the weather in Paris?");
        JsonNode toolCall = first.output().get("messages").get(0);
        assertThat(toolCall.get("role").asText()).isEqualTo("assistant");
        assertThat(toolCall.get("tool_calls").get(0).get("id").asText()).isEqualTo("call_1");
        assertThat(toolCall.get("tool_calls").get(0).get("function").get("name").asText()).isEqualTo("weather");
        assertThat(toolCall.get("tool_calls").get(0).get("function").get("arguments").asText())
                .isEqualTo("{\"city\":\"Paris\"}");
        assertThat(first.parameters().get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(first.parameters().get("tools").get(0).get("function").get("name").asText()).isEqualTo("weather");

        JsonNode conversation = second.input().get("messages");
        assertThat(conversation).hasSize(4);
        assertText(conversation.get(0), "system", SpringAiTestApp.SYSTEM);
        assertText(conversation.get(1), "user", "What is the weather in Paris?");
        assertThat(conversation.get(2).get("role").asText()).isEqualTo("assistant");
        assertThat(conversation.get(2).get("tool_calls").get(0).get("id").asText()).isEqualTo("call_1");
        assertThat(conversation.get(3).get("role").asText()).isEqualTo("tool");
        assertThat(conversation.get(3).get("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(conversation.get(3).get("content").get(0).get("text").asText()).contains("sunny, 21C in Paris");
        assertText(second.output().get("messages").get(0), "assistant", "It is sunny in Paris.");
        // Spring AI 2 runs the tools in ChatClient and reports each model call's own usage; Spring AI 1.1's
        // model runs them itself and reports the usage so far (20 + 42, 5 + 7) on the later call.
        boolean perCall = FakeOpenAi.isOpenAiSdk();
        assertThat(second.inputTokens()).isEqualTo(perCall ? 42L : 62L);
        assertThat(second.outputTokens()).isEqualTo(perCall ? 7L : 12L);
        assertThat(second.requestStartTime()).isNotNull();
        assertThat(second.requestEndTime()).isNotNull();
        assertThat(second.requestEndTime()).isAfterOrEqualTo(second.requestStartTime());
    }

    @Test
    void aDirectChatModelCallIsLoggedToo() {
        chatModel.call(new Prompt(new UserMessage("Hello")));

        RecordedLog log = PROMPT_LAYER.awaitLogged(1, WAIT).get(0);
        assertText(log.input().get("messages").get(0), "user", "Hello");
        assertText(log.output().get("messages").get(0), "assistant", "Hi there!");
        assertThat(log.model()).isEqualTo(FakeOpenAi.MODEL);
    }

    @Test
    void aStreamIsLoggedExactlyOnceWithTheAggregatedAnswer() {
        List<String> parts = chatClient.prompt().user("Say hello").stream().content().collectList().block(WAIT);

        assertThat(String.join("", parts)).isEqualTo("Hello");
        RecordedLog log = PROMPT_LAYER.awaitLogged(1, WAIT).get(0);
        assertText(log.output().get("messages").get(0), "assistant", "Hello");
        assertText(log.input().get("messages").get(1), "user", "Say hello");
        assertThat(log.provider()).isEqualTo("openai");
        assertThat(log.status()).isEqualTo("SUCCESS");
        // Nothing else arrives later.
        chatModel.call(new Prompt(new UserMessage("Hello")));
        assertThat(PROMPT_LAYER.awaitLogged(2, WAIT)).hasSize(2);
        assertThat(PROMPT_LAYER.receivedLogs()).hasSize(2);
    }

    @Test
    void anUnauthorisedCallIsLoggedAsAnAuthErrorAndTheCallerGetsTheModelsException(CapturedOutput output) {
        OPEN_AI.failWith(401);

        Throwable thrown = catchThrowable(() -> chatClient.prompt().user("Hello").call().content());

        assertThat(thrown).isNotNull();
        assertThat(thrown.getClass().getName()).doesNotStartWith("dev.pltrack");
        RecordedLog log = PROMPT_LAYER.awaitLogged(1, WAIT).get(0);
        assertThat(log.status()).isEqualTo("ERROR");
        assertThat(log.errorType()).isEqualTo("PROVIDER_AUTH_ERROR");
        assertThat(log.errorMessage()).startsWith(thrown.getClass().getSimpleName());
        assertThat(log.output().get("messages")).isEmpty();
        assertThat(log.model()).isEqualTo("gpt-4o-mini");
        assertThat(OPEN_AI.chatRequests()).isEqualTo(1);
        assertNoPromptLayerKey(output, thrown);
    }

    @Test
    void aServerErrorIsLoggedAsAProviderError(CapturedOutput output) {
        OPEN_AI.failWith(500);

        Throwable thrown = catchThrowable(() -> chatModel.call(new Prompt(new UserMessage("Hello"))));

        assertThat(thrown).isNotNull();
        RecordedLog log = PROMPT_LAYER.awaitLogged(1, WAIT).get(0);
        assertThat(log.status()).isEqualTo("ERROR");
        assertThat(log.errorType()).isEqualTo("PROVIDER_ERROR");
        assertThat(log.errorMessage()).startsWith(thrown.getClass().getSimpleName());
        assertThat(PROMPT_LAYER.receivedLogs()).hasSize(1);
        assertNoPromptLayerKey(output, thrown);
    }

    @Test
    void aTrackMetadataMethodAroundTheCallPutsItsMetadataInTheLogInOneCall() {
        String answer = assistant.ask("u-42", "Hello");

        assertThat(answer).isEqualTo("Hi there!");
        RecordedLog log = PROMPT_LAYER.awaitLogged(1, WAIT).get(0);
        assertThat(log.metadata()).containsEntry("feature", "weather").containsEntry("user_id", "u-42");
        assertThat(PROMPT_LAYER.calls()).hasSize(1);
        assertThat(PROMPT_LAYER.metadataFor(log.requestId())).containsEntry("user_id", "u-42");
    }

    private static void assertText(JsonNode message, String role, String text) {
        assertThat(message.get("role").asText()).isEqualTo(role);
        assertThat(message.get("content").get(0).get("type").asText()).isEqualTo("text");
        assertThat(message.get("content").get(0).get("text").asText()).isEqualTo(text);
    }

    private static void assertNoPromptLayerKey(CapturedOutput output, Throwable thrown) {
        String key = PROMPT_LAYER.apiKey();
        assertThat(output.getAll()).doesNotContain(key);
        for (Throwable current = thrown; current != null; current = current.getCause()) {
            assertThat(String.valueOf(current.getMessage())).doesNotContain(key);
            assertThat(current.toString()).doesNotContain(key);
        }
        PROMPT_LAYER.logged().forEach(log -> assertThat(log.rawBody().replace("\"api_key\"", "")).doesNotContain(key));
    }
}
