package dev.pltrack.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.pltrack.MetadataParam;
import dev.pltrack.TrackMetadata;
import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.llm.LlmCallLogger;
import dev.pltrack.llm.LlmLoggingConfig;
import dev.pltrack.testkit.FakeOpenAi;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.Fault;
import dev.pltrack.testkit.RecordedLog;
import dev.pltrack.tracking.TrackMetadataHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * LangChain4j's OpenAI models, talking to a fake OpenAI over HTTP, with the listener logging through
 * a real delivery engine to the fake PromptLayer: what PromptLayer receives, byte for byte where the
 * blueprint is concerned.
 */
class PromptLayerChatModelListenerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String MODEL = "gpt-4o-mini";

    private FakeOpenAi openAi;
    private FakePromptLayer promptLayer;
    private DeliveryEngine engine;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void start() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        root.setLevel(Level.TRACE); // every line any library writes, at every level, is checked for the key
        logs.start();
        openAi = FakeOpenAi.start();
        promptLayer = FakePromptLayer.start();
        engine = DeliveryEngine.start(PromptLayerClient.create(PromptLayerConfig.builder()
                .apiKey(promptLayer.apiKey()).baseUrl(promptLayer.baseUrl())
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20))).build()));
    }

    @AfterEach
    void stop() throws Exception {
        engine.close();
        promptLayer.close();
        openAi.close();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAppender(logs);
        root.setLevel(Level.INFO);
    }

    private PromptLayerChatModelListener listener(LlmLoggingConfig.Builder config) {
        return new PromptLayerChatModelListener(LlmCallLogger.of(engine, config.build()));
    }

    private ChatModel model(PromptLayerChatModelListener listener) {
        return OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-fake-openai").modelName(MODEL)
                .temperature(0.2).maxRetries(0).listeners(List.of(listener)).build();
    }

    private RecordedLog onlyLog() throws InterruptedException {
        assertThat(engine.flush(WAIT)).isTrue();
        List<RecordedLog> logged = promptLayer.awaitLogged(1, WAIT);
        assertThat(promptLayer.receivedLogs()).hasSize(1);
        return logged.get(0);
    }

    /** The second turn of a tool-using chat: system, user, the assistant's tool call, its result. */
    private static ChatRequest toolChatTurn() {
        return ChatRequest.builder()
                .messages(SystemMessage.from("You are a weather bot."),
                        UserMessage.from("Weather in Paris?"),
                        AiMessage.from(ToolExecutionRequest.builder().id("call_1").name("weather")
                                .arguments("{\"city\":\"Paris\"}").build()),
                        ToolExecutionResultMessage.from("call_1", "weather", "18C, sunny"))
                .toolSpecifications(ToolSpecification.builder().name("weather").description("Weather in a city")
                        .parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build())
                        .build())
                .build();
    }

    @Test
    void aToolUsingChatIsLoggedWithItsWholeBlueprintModelProviderTokensAndParameters() throws Exception {
        openAi.answers(MODEL + "-2024-07-18", "It is 18C and sunny in Paris.", 42, 9);

        ChatResponse response = model(listener(LlmLoggingConfig.builder())).chat(toolChatTurn());

        assertThat(response.aiMessage().text()).isEqualTo("It is 18C and sunny in Paris.");
        RecordedLog log = onlyLog();
        assertThat(log.input().toString()).isEqualTo("{\"type\":\"chat\",\"messages\":["
                + "{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"You are a weather bot.\"}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Weather in Paris?\"}]},"
                + "{\"role\":\"assistant\",\"content\":[],\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},"
                + "{\"role\":\"tool\",\"content\":[{\"type\":\"text\",\"text\":\"18C, sunny\"}],\"name\":\"weather\","
                + "\"tool_call_id\":\"call_1\"}]}");
        assertThat(log.output().toString()).isEqualTo("{\"type\":\"chat\",\"messages\":["
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"It is 18C and sunny in Paris.\"}]}]}");
        assertThat(log.provider()).isEqualTo("openai");
        assertThat(log.model()).isEqualTo(MODEL + "-2024-07-18"); // the model that answered
        assertThat(log.inputTokens()).isEqualTo(42);
        assertThat(log.outputTokens()).isEqualTo(9);
        assertThat(log.status()).isEqualTo("SUCCESS");
        assertThat(log.requestEndTime()).isAfterOrEqualTo(log.requestStartTime());
        assertThat(log.parameters().get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(log.parameters().get("tools").toString()).isEqualTo("[{\"type\":\"function\",\"function\":"
                + "{\"name\":\"weather\",\"description\":\"Weather in a city\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}}]");
    }

    @Test
    void anAnswerThatCallsAToolIsLoggedWithTheCall() throws Exception {
        openAi.answersWithToolCall(MODEL, "call_9", "weather", "{\"city\":\"Oslo\"}");

        model(listener(LlmLoggingConfig.builder())).chat(ChatRequest.builder()
                .messages(UserMessage.from("Weather in Oslo?")).build());

        assertThat(onlyLog().output().toString()).isEqualTo("{\"type\":\"chat\",\"messages\":["
                + "{\"role\":\"assistant\",\"content\":[],\"tool_calls\":[{\"id\":\"call_9\",\"type\":\"function\","
                + "\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}}]}]}");
    }

    @Test
    void aFailedCallIsLoggedAsAnErrorAndTheCallerGetsTheModelsOwnException() throws Exception {
        openAi.fails(401, "Incorrect API key provided");
        ChatModel model = model(listener(LlmLoggingConfig.builder()));

        Throwable thrown = catchThrowable(() -> model.chat("Hello?"));

        assertThat(thrown).isInstanceOf(AuthenticationException.class).hasMessageContaining("Incorrect API key provided");
        RecordedLog log = onlyLog();
        assertThat(log.status()).isEqualTo("ERROR");
        assertThat(log.errorType()).isEqualTo("PROVIDER_AUTH_ERROR");
        assertThat(log.errorMessage()).startsWith("AuthenticationException: ").contains("Incorrect API key provided");
        assertThat(log.model()).isEqualTo(MODEL);
        assertThat(log.input().toString()).contains("Hello?");
        assertThat(log.output().toString()).isEqualTo("{\"type\":\"chat\",\"messages\":[]}");
    }

    @Test
    void aServerErrorIsAProviderError() throws Exception {
        openAi.fails(500, "The server had an error");

        assertThatThrownBy(() -> model(listener(LlmLoggingConfig.builder())).chat("Hello?"))
                .hasMessageContaining("The server had an error");

        RecordedLog log = onlyLog();
        assertThat(log.errorType()).isEqualTo("PROVIDER_ERROR");
        assertThat(log.status()).isEqualTo("ERROR");
    }

    @Test
    void aCallThatSucceedsOnLangChain4jsRetryIsLoggedOnceAsASuccess() throws Exception {
        openAi.failsOnceThenAnswers(MODEL, "Hi!");
        ChatModel model = OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-fake-openai").modelName(MODEL)
                .maxRetries(1).listeners(List.of(listener(LlmLoggingConfig.builder()))).build();

        assertThat(model.chat("Hello?")).isEqualTo("Hi!");

        assertThat(openAi.calls()).isEqualTo(2);
        assertThat(onlyLog().status()).isEqualTo("SUCCESS");
    }

    @Test
    void aStreamingCallIsLoggedOnceWhenTheStreamCompletes() throws Exception {
        openAi.streams(MODEL, 12, 4, "Hel", "lo ", "there");
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(openAi.baseUrl())
                .apiKey("sk-fake-openai").modelName(MODEL).listeners(List.of(listener(LlmLoggingConfig.builder())))
                .build();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        model.chat("Say hello", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });

        assertThat(done.get(10, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("Hello there");
        RecordedLog log = onlyLog();
        assertThat(log.output().toString()).isEqualTo("{\"type\":\"chat\",\"messages\":["
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Hello there\"}]}]}");
        assertThat(log.inputTokens()).isEqualTo(12);
        assertThat(log.outputTokens()).isEqualTo(4);
    }

    @Test
    void withoutPromptAndCompletionTextOnlyTheShapeIsSent() throws Exception {
        openAi.answers(MODEL, "It is 18C and sunny in Paris.", 42, 9);

        model(listener(LlmLoggingConfig.builder().includePrompt(false).includeCompletion(false))).chat(toolChatTurn());

        RecordedLog log = onlyLog();
        assertThat(log.rawBody()).doesNotContain("Weather in Paris?", "You are a weather bot.", "18C, sunny",
                "Paris", "It is 18C");
        assertThat(log.input().toString()).isEqualTo("{\"type\":\"chat\",\"messages\":["
                + "{\"role\":\"system\",\"content\":[]},{\"role\":\"user\",\"content\":[]},"
                + "{\"role\":\"assistant\",\"content\":[],\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"weather\",\"arguments\":\"{}\"}}]},"
                + "{\"role\":\"tool\",\"content\":[],\"name\":\"weather\",\"tool_call_id\":\"call_1\"}]}");
        assertThat(log.inputTokens()).isEqualTo(42);
    }

    @Test
    void loggingOffSendsNothingAndLeavesTheCallAlone() throws Exception {
        openAi.answers(MODEL, "Hi!", 3, 1);

        String answer = model(listener(LlmLoggingConfig.builder().enabled(false))).chat("Hello?");

        assertThat(answer).isEqualTo("Hi!");
        assertThat(engine.flush(WAIT)).isTrue();
        assertThat(promptLayer.calls()).isEmpty();
        assertThat(engine.stats().submitted()).isZero();
    }

    @Test
    void theMetadataOfAnEnclosingTrackMetadataCallTravelsInsideTheLog() throws Exception {
        openAi.answers(MODEL, "Hi Ada!", 3, 2);
        ChatModel model = model(listener(LlmLoggingConfig.builder().tags(List.of("support"))));
        TrackMetadataHandler handler = TrackMetadataHandler.builder(engine::offer).build();
        Assistant assistant = handler.proxy(Assistant.class, (user, question) -> model.chat(question));

        assertThat(assistant.answer("u-42", "Hello?")).isEqualTo("Hi Ada!");

        RecordedLog log = onlyLog();
        assertThat(log.metadata()).containsEntry("user_id", "u-42").containsEntry("feature", "chat");
        assertThat(log.tags()).containsExactly("support");
        assertThat(promptLayer.calls()).hasSize(1); // one call to PromptLayer: no separate track-metadata
    }

    @Test
    void thePromptLayerKeyIsInNoLogLineAndNoException() throws Exception {
        openAi.fails(401, "Incorrect API key provided");
        promptLayer.failNext(1, Fault.status(500)); // the engine's failure and retry are logged too

        assertThatThrownBy(() -> model(listener(LlmLoggingConfig.builder())).chat("Hello?"))
                .satisfies(e -> assertThat(e.toString()).doesNotContain(promptLayer.apiKey()));

        assertThat(engine.flush(WAIT)).isTrue();
        assertThat(promptLayer.awaitLogged(1, WAIT)).hasSize(1);
        assertThat(logs.list).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage()))
                .doesNotContain(promptLayer.apiKey()));
    }

    public interface Assistant {
        @TrackMetadata({"feature=chat"})
        String answer(@MetadataParam("user_id") String user, String question);
    }
}
