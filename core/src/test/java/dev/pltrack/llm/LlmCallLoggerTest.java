package dev.pltrack.llm;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.pltrack.MetadataParam;
import dev.pltrack.TrackMetadata;
import dev.pltrack.TrackingContext;
import dev.pltrack.client.LogErrorType;
import dev.pltrack.client.LogRequest;
import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.client.blueprint.ChatMessage;
import dev.pltrack.client.blueprint.ContentBlock;
import dev.pltrack.client.blueprint.PromptBlueprint;
import dev.pltrack.client.blueprint.Role;
import dev.pltrack.client.blueprint.ToolCall;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.delivery.LogHandle;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.RecordedLog;
import dev.pltrack.tracking.TrackMetadataHandler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What an integration hands over reaches the fake PromptLayer as the settings say: times set, tags
 * added, text kept, cut or left out; a call is logged once; logging off sends nothing and reads
 * nothing; a draft that cannot be built is counted and warned about without its text; and a call
 * that started inside a {@code @TrackMetadata} method carries its metadata even when it finishes on
 * another thread.
 */
class LlmCallLoggerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakePromptLayer fake;
    private DeliveryEngine engine;

    @BeforeEach
    void start() {
        fake = FakePromptLayer.start();
        engine = DeliveryEngine.start(PromptLayerClient.create(PromptLayerConfig.builder().apiKey(fake.apiKey())
                .baseUrl(fake.baseUrl()).retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20)))
                .build()));
    }

    @AfterEach
    void stop() {
        engine.close();
        fake.close();
    }

    private LlmCallLogger logger(LlmLoggingConfig.Builder config) {
        return LlmCallLogger.of(engine, config.build());
    }

    /** A tool-using chat: system, user, the assistant's call, its result, and the answer. */
    private static LogRequest.Builder toolChat() {
        return LogRequest.builder("openai", "gpt-4o")
                .input(PromptBlueprint.chat(
                        ChatMessage.system("You are a weather bot."),
                        ChatMessage.user("Weather in Paris?"),
                        ChatMessage.assistant("", List.of(ToolCall.of("call_1", "weather", "{\"city\":\"Paris\"}"))),
                        ChatMessage.toolResult("call_1", "weather", "18C, sunny")))
                .output(PromptBlueprint.chat(ChatMessage.assistant("It is 18C and sunny in Paris.")))
                .tokens(42, 9);
    }

    private RecordedLog onlyLog() throws InterruptedException {
        assertThat(engine.flush(WAIT)).isTrue();
        return fake.awaitLogged(1, WAIT).get(0);
    }

    @Test
    void aFinishedCallIsLoggedWithItsTimesAndTheConfiguredTags() throws Exception {
        LlmCallLogger logger = logger(LlmLoggingConfig.builder().tags(List.of("chatbot", "eu")));
        LlmCall call = logger.start();

        Optional<LogHandle> handle = call.finish(() -> toolChat().tag("weather"));
        java.time.Instant finished = java.time.Instant.now();

        assertThat(handle).isPresent();
        assertThat(logger.stats()).isEqualTo(new LlmLoggingStats(1, 0));
        RecordedLog log = onlyLog();
        assertThat(log.tags()).containsExactly("weather", "chatbot", "eu");
        assertThat(log.requestStartTime().toInstant()).isEqualTo(call.startedAt());
        // The time the call took, added to its start: between the start and the moment finish() returned.
        assertThat(log.requestEndTime().toInstant()).isAfterOrEqualTo(call.startedAt())
                .isBeforeOrEqualTo(finished.plusSeconds(1));
        assertThat(log.input().toString()).contains("Weather in Paris?", "{\\\"city\\\":\\\"Paris\\\"}", "18C, sunny");
        assertThat(log.output().toString()).contains("It is 18C and sunny in Paris.");
        assertThat(log.inputTokens()).isEqualTo(42);
        assertThat(log.outputTokens()).isEqualTo(9);
    }

    @Test
    void withoutPromptTextOnlyTheShapeOfTheInputIsSent() throws Exception {
        LlmCall call = logger(LlmLoggingConfig.builder().includePrompt(false)).start();

        call.finish(() -> toolChat().promptInputVariables(java.util.Map.of("city", "Paris")));

        RecordedLog log = onlyLog();
        assertThat(log.input().toString())
                .isEqualTo("{\"type\":\"chat\",\"messages\":["
                        + "{\"role\":\"system\",\"content\":[]},"
                        + "{\"role\":\"user\",\"content\":[]},"
                        + "{\"role\":\"assistant\",\"content\":[],\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"weather\",\"arguments\":\"{}\"}}]},"
                        + "{\"role\":\"tool\",\"content\":[],\"name\":\"weather\",\"tool_call_id\":\"call_1\"}]}");
        assertThat(log.body().has("prompt_input_variables")).isFalse();
        assertThat(log.output().toString()).contains("It is 18C and sunny in Paris.");
    }

    @Test
    void withoutCompletionTextOnlyTheShapeOfTheAnswerIsSent() throws Exception {
        LlmCall call = logger(LlmLoggingConfig.builder().includeCompletion(false)).start();

        call.finish(() -> toolChat().output(PromptBlueprint.chat(
                ChatMessage.assistant("Let me look.", List.of(ToolCall.of("call_2", "weather", "{\"city\":\"Rome\"}"))))));

        RecordedLog log = onlyLog();
        assertThat(log.output().toString()).isEqualTo("{\"type\":\"chat\",\"messages\":[{\"role\":\"assistant\","
                + "\"content\":[],\"tool_calls\":[{\"id\":\"call_2\",\"type\":\"function\",\"function\":"
                + "{\"name\":\"weather\",\"arguments\":\"{}\"}}]}]}");
        assertThat(log.input().toString()).contains("Weather in Paris?");
    }

    @Test
    void longTextIsCutAndAnOversizedImageUrlIsReplacedBySayingSo() throws Exception {
        LlmCall call = logger(LlmLoggingConfig.builder().maxContentLength(100)).start();
        String longText = "x".repeat(99) + "\uD83D\uDE00" + "y".repeat(50);
        String dataUrl = "data:image/png;base64," + "A".repeat(500);

        call.finish(() -> LogRequest.builder("anthropic", "claude")
                .input(PromptBlueprint.chat(ChatMessage.builder(Role.USER).text("short")
                        .block(ContentBlock.imageUrl(dataUrl)).build(), ChatMessage.user(longText)))
                .output(PromptBlueprint.chat(ChatMessage.builder(Role.ASSISTANT)
                        .block(ContentBlock.thinking("t".repeat(300))).text("done").build())));

        RecordedLog log = onlyLog();
        String cutText = "x".repeat(100 - LogRequest.CUT_MARKER.length()) + LogRequest.CUT_MARKER;
        assertThat(log.input().get("messages").get(1).get("content").get(0).get("text").asText()).isEqualTo(cutText);
        assertThat(log.input().get("messages").get(0).get("content").get(0).get("text").asText()).isEqualTo("short");
        assertThat(log.input().get("messages").get(0).get("content").get(1).get("text").asText())
                .isEqualTo("[image not sent: its URL has 522 characters, over promptlayer.logging.max-content-length=100]");
        assertThat(log.output().get("messages").get(0).get("content").get(0).get("thinking").asText())
                .hasSize(100).endsWith(LogRequest.CUT_MARKER);
        assertThat(log.output().get("messages").get(0).get("content").get(1).get("text").asText()).isEqualTo("done");
    }

    @Test
    void aCallIsLoggedOnceHoweverOftenItIsFinished() throws Exception {
        LlmCall call = logger(LlmLoggingConfig.builder()).start();

        assertThat(call.finish(LlmCallLoggerTest::toolChat)).isPresent();
        assertThat(call.finish(LlmCallLoggerTest::toolChat)).isEmpty();

        onlyLog();
        assertThat(engine.flush(WAIT)).isTrue();
        assertThat(fake.receivedLogs()).hasSize(1);
    }

    @Test
    void loggingOffSendsNothingAndDoesNotEvenReadTheCall() throws Exception {
        AtomicInteger drafts = new AtomicInteger();
        for (LlmCallLogger off : List.of(logger(LlmLoggingConfig.builder().enabled(false)), LlmCallLogger.disabled())) {
            assertThat(off.enabled()).isFalse();
            assertThat(off.start().finish(() -> {
                drafts.incrementAndGet();
                return toolChat();
            })).isEmpty();
        }

        assertThat(engine.flush(WAIT)).isTrue();
        assertThat(drafts).hasValue(0);
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void aDraftThatCannotBeBuiltIsCountedAndWarnedAboutWithoutItsText() throws Exception {
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        Logger logback = (Logger) LoggerFactory.getLogger(LlmCallLogger.class);
        logback.addAppender(warnings);
        try {
            LlmCallLogger logger = logger(LlmLoggingConfig.builder());
            // A tool message that answers no call: PromptLayer would refuse it.
            assertThat(logger.start().finish(() -> LogRequest.builder("openai", "gpt-4o")
                    .input(PromptBlueprint.chat(ChatMessage.builder(Role.TOOL).text("secret tool output").build()))
                    .output(PromptBlueprint.chat()))).isEmpty();
            assertThat(logger.start().finish(() -> {
                throw new IllegalStateException("secret prompt text in a mapping bug");
            })).isEmpty();

            assertThat(logger.stats()).isEqualTo(new LlmLoggingStats(0, 2));
            assertThat(warnings.list).hasSize(1); // once a minute at most
            assertThat(warnings.list.get(0).getFormattedMessage())
                    .startsWith("An LLM call was not logged to PromptLayer: Invalid log request: input.messages[0].tool_call_id")
                    .doesNotContain("secret");
            assertThat(engine.flush(WAIT)).isTrue();
            assertThat(fake.calls()).isEmpty();
        } finally {
            logback.detachAppender(warnings);
        }
    }

    /** An assistant whose LLM call finishes on another thread, as a streaming call does. */
    public interface Assistant {
        @TrackMetadata({"feature=stream"})
        String answer(@MetadataParam("user_id") String user) throws Exception;
    }

    @Test
    void aCallStartedInsideATrackedMethodCarriesItsMetadataWhereverItFinishes() throws Exception {
        LlmCallLogger logger = logger(LlmLoggingConfig.builder());
        AtomicReference<String> finishedOn = new AtomicReference<>();
        AtomicReference<Optional<LogHandle>> handle = new AtomicReference<>();
        AtomicReference<TrackingContext.LogRecorder> recorderAfterwards = new AtomicReference<>();
        TrackMetadataHandler handler = TrackMetadataHandler.builder(engine::offer).build();
        Assistant assistant = handler.proxy(Assistant.class, user -> {
            LlmCall call = logger.start();
            // The stream completes on a thread of its own, before the method returns.
            CompletableFuture.runAsync(() -> {
                finishedOn.set(Thread.currentThread().getName());
                handle.set(call.finish(LlmCallLoggerTest::toolChat));
                recorderAfterwards.set(TrackingContext.recorder());
            }).get();
            return "streamed";
        });

        assertThat(assistant.answer("u-7")).isEqualTo("streamed");

        RecordedLog log = onlyLog();
        assertThat(finishedOn.get()).isNotEqualTo(Thread.currentThread().getName());
        assertThat(handle.get()).isPresent();
        assertThat(recorderAfterwards.get()).as("the finishing thread's own recorder, restored").isNull();
        assertThat(log.body().get("metadata").toString()).isEqualTo("{\"feature\":\"stream\",\"user_id\":\"u-7\"}");
        assertThat(fake.calls()).hasSize(1); // the metadata traveled inside the log
        assertThat(handler.stats().tracked()).isEqualTo(1);
    }

    @Test
    void aFailedCallIsLoggedAsAnError() throws Exception {
        LlmCall call = logger(LlmLoggingConfig.builder()).start();
        RuntimeException failure = new IllegalStateException("HTTP 429 - rate limited");

        call.finish(() -> LogRequest.builder("openai", "gpt-4o")
                .input(PromptBlueprint.chat(ChatMessage.user("hi")))
                .output(PromptBlueprint.chat())
                .failed(LlmFailures.typeOf(failure), LlmFailures.messageOf(failure)));

        RecordedLog log = onlyLog();
        assertThat(log.status()).isEqualTo("ERROR");
        assertThat(log.errorType()).isEqualTo(LogErrorType.PROVIDER_RATE_LIMIT.name());
        assertThat(log.errorMessage()).isEqualTo("IllegalStateException: HTTP 429 - rate limited");
    }
}
