package dev.pltrack.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.pltrack.client.FailureReason;
import dev.pltrack.client.LogRequest;
import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.TrackResult;
import dev.pltrack.client.blueprint.ChatMessage;
import dev.pltrack.client.blueprint.PromptBlueprint;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import dev.pltrack.testkit.Fault;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** What close(), the JVM-exit hook and flush promise, each pinned on its own. */
class EngineLifecycleTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private final Logger engineLogger = (Logger) LoggerFactory.getLogger(DeliveryEngine.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void captureTheEngineLog() {
        log.start();
        levelBefore = engineLogger.getLevel();
        engineLogger.setLevel(Level.DEBUG);
        engineLogger.addAppender(log);
    }

    @AfterEach
    void stopCapturing() {
        engineLogger.detachAppender(log);
        engineLogger.setLevel(levelBefore);
    }

    private List<String> lines(Level level) {
        return log.list.stream().filter(event -> event.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static Thread exitHookOf(DeliveryEngine engine) throws ReflectiveOperationException {
        Field hook = DeliveryEngine.class.getDeclaredField("exitHook");
        hook.setAccessible(true);
        return (Thread) hook.get(engine);
    }

    private static LogRequest call() {
        return LogRequest.builder("openai", "gpt-4o")
                .input(PromptBlueprint.chat(ChatMessage.user("Hello!")))
                .output(PromptBlueprint.chat(ChatMessage.assistant("Hi!")))
                .times(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:00:01Z"))
                .build();
    }

    @Test
    void theExitHookIsRegisteredAtStartAndRemovedByClose() throws Exception {
        DeliveryEngine engine = Engines.engineFor(promptLayer.server()).build();
        Thread hook = exitHookOf(engine);
        assertThat(hook).isNotNull();
        // Registered: removing it succeeds (and it is put back at once).
        assertThat(Runtime.getRuntime().removeShutdownHook(hook)).isTrue();
        Runtime.getRuntime().addShutdownHook(hook);

        engine.close();

        assertThat(Runtime.getRuntime().removeShutdownHook(hook)).isFalse();
    }

    @Test
    void withCloseOnExitOffNoHookIsRegistered() throws Exception {
        try (DeliveryEngine engine = Engines.engineFor(promptLayer.server())
                .config(Engines.config().closeOnExit(false).build()).build()) {
            assertThat(exitHookOf(engine)).isNull();
        }
    }

    @Test
    void theExitHookDeliversWhatIsPendingAndSaysSo() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.respondSlowly(Duration.ofMillis(300));
        DeliveryEngine engine = Engines.engineFor(fake).build();
        CompletableFuture<TrackResult> pending = engine.track(5L, Map.of("k", "v"));

        exitHookOf(engine).run();   // what the JVM would run at exit, here on the test's thread

        assertThat(engine.isClosed()).isTrue();
        assertThat(pending).isCompleted().isNotCompletedExceptionally();
        assertThat(fake.metadataFor(5L)).containsEntry("k", "v");
        assertThat(lines(Level.INFO)).anySatisfy(line -> assertThat(line)
                .startsWith("JVM exiting with 1 PromptLayer tracks pending and the engine not closed")
                .contains("promptlayer.delivery.close-on-exit=false"));
    }

    @Test
    void theExitHookOfAnIdleEngineClosesItWithoutALine() throws Exception {
        DeliveryEngine engine = Engines.engineFor(promptLayer.server()).build();
        exitHookOf(engine).run();
        assertThat(engine.isClosed()).isTrue();
        assertThat(lines(Level.INFO)).noneMatch(line -> line.startsWith("JVM exiting"));
    }

    @Test
    void isClosedTurnsTrueOnlyWithClose() {
        DeliveryEngine engine = Engines.engineFor(promptLayer.server()).build();
        assertThat(engine.isClosed()).isFalse();
        engine.close();
        assertThat(engine.isClosed()).isTrue();
    }

    @Test
    void closeCountsALogAndTheFollowUpsWaitingForItAmongTheTracksItGaveUp() throws Exception {
        RecordingDeadLetters deadLetters = new RecordingDeadLetters();
        try (SilentServer hanging = new SilentServer()) {
            PromptLayerClient client = Engines.clientFor(hanging.baseUrl(), "pl_hang", Duration.ofSeconds(30));
            DeliveryEngine engine = DeliveryEngine.builder(client)
                    .config(Engines.config().shutdownTimeout(Duration.ofMillis(300)).build())
                    .deadLetterHandler(deadLetters).build();
            LogHandle handle = engine.log(call());
            await().atMost(Duration.ofSeconds(10)).until(() -> engine.stats().inFlight() == 1);
            // The log is under way: a named score cannot fold into it and waits for its id.
            CompletableFuture<TrackResult> score = engine.score(handle, 70, "tone");

            engine.close();

            assertThat(score).isCompletedExceptionally();
            assertThat(deadLetters.letters).hasSize(2);
            assertThat(lines(Level.WARN)).anySatisfy(line -> assertThat(line)
                    .startsWith("PromptLayer delivery closed: 2 of 2 pending tracks could not be delivered within PT0.3S"));
        }
    }

    @Test
    void closeThatDrainedEverythingSaysSoAtDebugOnly() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.respondSlowly(Duration.ofMillis(200));
        DeliveryEngine engine = Engines.engineFor(fake).build();
        engine.track(1L, Map.of("k", "v"));
        engine.close();
        assertThat(lines(Level.WARN)).isEmpty();
        assertThat(lines(Level.DEBUG)).contains("PromptLayer delivery closed; 1 pending tracks were flushed");
    }

    @Test
    void anInterruptedCloseGivesUpAtOnceAndKeepsTheInterrupt() throws Exception {
        RecordingDeadLetters deadLetters = new RecordingDeadLetters();
        try (SilentServer hanging = new SilentServer()) {
            PromptLayerClient client = Engines.clientFor(hanging.baseUrl(), "pl_hang", Duration.ofSeconds(30));
            DeliveryEngine engine = DeliveryEngine.builder(client)
                    .config(Engines.config().shutdownTimeout(Duration.ofSeconds(30)).build())
                    .deadLetterHandler(deadLetters).build();
            engine.track(1L, Map.of("k", "v"));
            await().atMost(Duration.ofSeconds(10)).until(() -> engine.stats().inFlight() == 1);

            Thread.currentThread().interrupt();
            try {
                engine.close();
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
            assertThat(deadLetters.letters).singleElement()
                    .satisfies(letter -> assertThat(letter.failure()).isInstanceOf(TrackAbandonedException.class));
            assertThat(engine.stats().pending()).isZero();
        }
    }

    @Test
    void theDispatcherHasStoppedWhenCloseReturnsEvenWithALongLinger() {
        DeliveryEngine engine = Engines.engineFor(promptLayer.server())
                .config(Engines.config().linger(Duration.ofMinutes(5)).build()).build();
        List<Thread> dispatchers = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().matches("pltrack-delivery-\\d+-dispatcher") && thread.isAlive())
                .toList();
        engine.close();
        assertThat(dispatchers).isNotEmpty().noneMatch(Thread::isAlive);
    }

    @Test
    void theRetryTimerThreadIsADaemonToo() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.status(500));
        try (DeliveryEngine engine = Engines.engineFor(fake).build()) {
            engine.track(1L, Map.of("k", "v")).get(5, TimeUnit.SECONDS);
            List<Thread> timers = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().matches("pltrack-delivery-\\d+-retry-timer") && thread.isAlive())
                    .toList();
            assertThat(timers).isNotEmpty().allMatch(Thread::isDaemon);
        }
    }

    @Test
    void flushAnswersFalseWhileSomethingIsPendingAndTrueOnceNothingIs() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.respondSlowly(Duration.ofMillis(500));
        try (DeliveryEngine engine = Engines.engineFor(fake).build()) {
            engine.track(1L, Map.of("k", "v"));
            assertThat(engine.flush(Duration.ZERO)).isFalse();
            assertThat(engine.flush(Duration.ofMillis(50))).isFalse();
            assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(engine.flush(Duration.ZERO)).isTrue();
        }
    }

    @Test
    void aFailureDuringCloseIsNotRetriedPastTheDeadlineButGivenUpWithItsOwnReason() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.respondSlowly(Duration.ofMillis(200));
        fake.failNext(1, Fault.status(500));
        RecordingDeadLetters deadLetters = new RecordingDeadLetters();
        // The first retry would wait 5 s; close() has 2 s.
        PromptLayerClient client = PromptLayerClient.create(dev.pltrack.client.PromptLayerConfig.builder()
                .apiKey(fake.apiKey()).baseUrl(fake.baseUrl())
                .retryPolicy(new dev.pltrack.client.RetryPolicy(4, Duration.ofSeconds(5), Duration.ofSeconds(5)))
                .build());
        DeliveryEngine engine = DeliveryEngine.builder(client)
                .config(Engines.config().shutdownTimeout(Duration.ofSeconds(2)).build())
                .deadLetterHandler(deadLetters).build();
        engine.track(1L, Map.of("k", "v"));
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.stats().inFlight() == 1);

        engine.close();

        assertThat(deadLetters.letters).singleElement().satisfies(letter -> {
            assertThat(letter.failure()).isNotInstanceOf(TrackAbandonedException.class);
            assertThat(letter.reason()).isEqualTo(FailureReason.SERVER_ERROR);
            assertThat(letter.attempts()).isEqualTo(1);
        });
        assertThat(engine.stats().retried()).isZero();
    }

}
