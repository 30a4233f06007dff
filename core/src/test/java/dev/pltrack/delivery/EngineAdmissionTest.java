package dev.pltrack.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pltrack.TrackingContext;
import dev.pltrack.client.FailureReason;
import dev.pltrack.client.LogRequest;
import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerException;
import dev.pltrack.client.PromptLinkRequest;
import dev.pltrack.client.ScoreRequest;
import dev.pltrack.client.TrackResult;
import dev.pltrack.client.blueprint.ChatMessage;
import dev.pltrack.client.blueprint.PromptBlueprint;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import dev.pltrack.testkit.Fault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Admission and answers, rule by rule: what is refused and why, a log held by the call that logged
 * it, what PromptLayer's answers do to the window, and the figures the engine reports.
 */
class EngineAdmissionTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private static LogRequest call() {
        return LogRequest.builder("openai", "gpt-4o")
                .input(PromptBlueprint.chat(ChatMessage.user("Hello!")))
                .output(PromptBlueprint.chat(ChatMessage.assistant("Hi!")))
                .times(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:00:01Z"))
                .build();
    }

    private static FailureReason refusalOf(CompletableFuture<?> future) {
        assertThat(future).isCompletedExceptionally();
        try {
            future.join();
            throw new AssertionError("not failed");
        } catch (java.util.concurrent.CompletionException failed) {
            assertThat(failed.getCause()).isInstanceOf(TrackRejectedException.class);
            return ((PromptLayerException) failed.getCause()).reason();
        }
    }

    @Test
    void scoresAndPromptLinksAreDeliveredAndTheirFuturesSaySo() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        try (DeliveryEngine engine = Engines.engineFor(fake).build()) {
            TrackResult score = engine.score(ScoreRequest.of(7, 90, "helpfulness")).get(5, TimeUnit.SECONDS);
            TrackResult link = engine.linkPrompt(PromptLinkRequest.ofLatest(7, "greeting", Map.of("name", "Ada")))
                    .get(5, TimeUnit.SECONDS);
            assertThat(score.requestId()).isEqualTo(7);
            assertThat(link.requestId()).isEqualTo(7);
        }
        assertThat(fake.scoresFor(7)).containsEntry("helpfulness", 90);
        assertThat(fake.promptLinkFor(7)).isPresent();
    }

    @Test
    void followUpsToALogRefusedForAFullQueueAreRefusedForTheSameReason() throws Exception {
        try (SilentServer hanging = new SilentServer()) {
            PromptLayerClient client = Engines.clientFor(hanging.baseUrl(), "pl_hang", Duration.ofSeconds(30));
            try (DeliveryEngine engine = DeliveryEngine.builder(client)
                    .config(Engines.config().queueCapacity(1).shutdownTimeout(Duration.ZERO).build())
                    .deadLetterHandler(new RecordingDeadLetters()).build()) {
                engine.track(1L, Map.of("k", "v"));   // takes the only room
                LogHandle refused = engine.log(call());

                assertThat(refusalOf(refused.logged())).isEqualTo(FailureReason.QUEUE_FULL);
                assertThat(refusalOf(refused.track(Map.of("user", "u-1")))).isEqualTo(FailureReason.QUEUE_FULL);
                assertThat(refusalOf(refused.score(80, null))).isEqualTo(FailureReason.QUEUE_FULL);
                assertThat(refused.requestId()).isEmpty();
                assertThat(engine.stats().rejectedByReason()).containsEntry(FailureReason.QUEUE_FULL, 3L);
            }
        }
    }

    @Test
    void aLogHeldByTheCallThatLoggedItIsSentOnlyOnceTheHoldEnds() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        AtomicReference<LogHandle> held = new AtomicReference<>();
        try (DeliveryEngine engine = Engines.engineFor(fake).build()) {
            TrackingContext.LogRecorder previous = TrackingContext.startRecording(log -> {
                held.set(log);
                return 1;
            });
            LogHandle handle;
            try {
                handle = engine.log(call());
            } finally {
                TrackingContext.restoreRecorder(previous);
            }
            assertThat(held.get()).isSameAs(handle);
            assertThat(engine.flush(Duration.ofMillis(300))).isFalse();
            assertThat(fake.receivedLogs()).isEmpty();

            handle.release();

            assertThat(handle.logged().get(5, TimeUnit.SECONDS).requestId()).isPositive();
            assertThat(fake.logged()).hasSize(1);
        }
    }

    @Test
    void aFollowUpThatNeedsRoomIsRefusedWhenTheQueueIsFull() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        try (DeliveryEngine engine = Engines.engineFor(fake)
                .config(Engines.config().queueCapacity(1).build()).build()) {
            TrackingContext.LogRecorder previous = TrackingContext.startRecording(log -> 1);
            LogHandle handle;
            try {
                handle = engine.log(call());   // held, so not sent: it keeps the only room
            } finally {
                TrackingContext.restoreRecorder(previous);
            }
            // A named score does not fold into the log; it waits for the id and needs room of its own.
            assertThat(refusalOf(engine.score(handle, 50, "tone"))).isEqualTo(FailureReason.QUEUE_FULL);
            handle.release();
            handle.logged().get(5, TimeUnit.SECONDS);
        }
        assertThat(fake.receivedScores()).isEmpty();
    }

    @Test
    void aFollowUpWaitingWhenCloseBeginsIsStillDeliveredOnceItsLogIs() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.respondSlowly(Duration.ofMillis(300));
        DeliveryEngine engine = Engines.engineFor(fake).config(Engines.config().shutdownTimeout(Duration.ofSeconds(10)).build())
                .build();
        LogHandle handle = engine.log(call());
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.stats().inFlight() == 1);
        CompletableFuture<TrackResult> score = engine.score(handle, 70, "tone");

        engine.close();

        assertThat(score).isCompleted().isNotCompletedExceptionally();
        long id = handle.requestId().orElseThrow();
        assertThat(fake.scoresFor(id)).containsEntry("tone", 70);
    }

    @Test
    void anInterruptedCallerThatWouldBlockIsRefusedAtOnceAndKeepsItsInterrupt() throws Exception {
        try (SilentServer hanging = new SilentServer()) {
            PromptLayerClient client = Engines.clientFor(hanging.baseUrl(), "pl_hang", Duration.ofSeconds(30));
            try (DeliveryEngine engine = DeliveryEngine.builder(client)
                    .config(Engines.config().queueCapacity(1).overflowPolicy(OverflowPolicy.BLOCK)
                            .blockTimeout(Duration.ofSeconds(30)).shutdownTimeout(Duration.ZERO).build())
                    .deadLetterHandler(new RecordingDeadLetters()).build()) {
                engine.track(1L, Map.of("k", "v"));
                Thread.currentThread().interrupt();
                CompletableFuture<TrackResult> second;
                try {
                    second = engine.track(2L, Map.of("k", "v"));
                    assertThat(Thread.currentThread().isInterrupted()).isTrue();
                } finally {
                    Thread.interrupted();
                }
                assertThat(refusalOf(second)).isEqualTo(FailureReason.QUEUE_FULL);
            }
        }
    }

    @Test
    void aCallerBlockedForRoomWhenTheEngineClosesIsRefusedAsClosedAndTheRoomIsGivenBack() throws Exception {
        try (SilentServer hanging = new SilentServer()) {
            PromptLayerClient client = Engines.clientFor(hanging.baseUrl(), "pl_hang", Duration.ofSeconds(30));
            DeliveryEngine engine = DeliveryEngine.builder(client)
                    .config(Engines.config().queueCapacity(1).overflowPolicy(OverflowPolicy.BLOCK)
                            .blockTimeout(Duration.ofSeconds(30)).shutdownTimeout(Duration.ofMillis(200)).build())
                    .deadLetterHandler(new RecordingDeadLetters()).build();
            engine.track(1L, Map.of("k", "v"));
            CompletableFuture<CompletableFuture<TrackResult>> blocked = new CompletableFuture<>();
            Thread caller = new Thread(() -> blocked.complete(engine.track(2L, Map.of("k", "v"))), "blocked-caller");
            caller.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> caller.getState() == Thread.State.TIMED_WAITING);

            engine.close();   // gives up track 1 at the deadline: its room wakes the caller

            assertThat(refusalOf(blocked.get(10, TimeUnit.SECONDS))).isEqualTo(FailureReason.ENGINE_CLOSED);
            caller.join(5_000);
            assertThat(engine.stats().pending()).isZero();
        }
    }

    @Test
    void theBuildersClockStampsTheLastFailure() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.status(422, "{\"detail\":\"bad\"}"));
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        try (DeliveryEngine engine = Engines.engineFor(fake).clock(Clock.fixed(now, ZoneOffset.UTC))
                .deadLetterHandler(new RecordingDeadLetters()).build()) {
            engine.track(1L, Map.of("k", "v"));
            engine.flush(Duration.ofSeconds(5));
            assertThat(engine.stats().lastFailureAt()).contains(now);
        }
    }

    @Test
    void badGatewayAndGatewayTimeoutShrinkTheWindowAPlainServerErrorDoesNot() throws Exception {
        for (int status : new int[] {502, 504, 500}) {
            FakePromptLayer fake = promptLayer.server();
            fake.reset();
            fake.failNext(1, Fault.status(status));
            try (DeliveryEngine engine = Engines.engineFor(fake).build()) {
                engine.track(1L, Map.of("k", "v")).get(5, TimeUnit.SECONDS);
                assertThat(engine.stats().windowDecreases()).as("status %d", status).isEqualTo(status == 500 ? 0 : 1);
            }
        }
    }

    @Test
    void a503WithRetryAfterPausesAllSendingAndSendingResumesWhenThePauseEnds() throws Exception {
        assertThat(pausesAfterOneFailure(503)).isEqualTo(1);
    }

    @Test
    void a500WithRetryAfterDoesNotPauseAllSending() throws Exception {
        assertThat(pausesAfterOneFailure(500)).isZero();
    }

    /** One failure with {@code Retry-After: 1}, then success; the engine only looks when woken. */
    private static long pausesAfterOneFailure(int status) throws Exception {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        try {
            server.stubFor(post(urlEqualTo("/rest/track-metadata")).inScenario("busy").whenScenarioStateIs(STARTED)
                    .willReturn(aResponse().withStatus(status).withHeader("Retry-After", "1")
                            .withBody("{\"message\":\"busy\"}"))
                    .willSetStateTo("answering"));
            server.stubFor(post(urlEqualTo("/rest/track-metadata")).inScenario("busy").whenScenarioStateIs("answering")
                    .willReturn(aResponse().withStatus(200).withBody("{\"success\":true,\"message\":\"ok\"}")));
            PromptLayerClient client = Engines.clientFor("http://127.0.0.1:" + server.port(), "pl_busy",
                    Duration.ofSeconds(5));
            try (DeliveryEngine engine = DeliveryEngine.builder(client)
                    .config(Engines.config().linger(Duration.ofMinutes(10)).build()).build()) {
                CompletableFuture<TrackResult> track = engine.track(1L, Map.of("k", "v"));
                // flush wakes the dispatcher once; after that only answers and timers send.
                assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();
                assertThat(track.get()).extracting(TrackResult::attempts).isEqualTo(2);
                return engine.stats().pauses();
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void theLatencyReportedIsNeverLongerThanTheTrackTook() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.respondSlowly(Duration.ofMillis(50));
        long started = System.nanoTime();
        try (DeliveryEngine engine = Engines.engineFor(fake).build()) {
            engine.track(1L, Map.of("k", "v")).get(5, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(engine.stats().latencyMax()).isPositive().isLessThanOrEqualTo(took);
            assertThat(engine.stats().latencyTotal()).isEqualTo(engine.stats().latencyMax());
        }
    }

    @Test
    void aRefusalCarriesNoStackTrace() {
        TrackRejectedException refusal = new TrackRejectedException(FailureReason.QUEUE_FULL, "full");
        assertThat(refusal.fillInStackTrace()).isSameAs(refusal);
        assertThat(refusal.getStackTrace()).isEmpty();
    }
}
