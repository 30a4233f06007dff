package dev.pltrack.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pltrack.client.AwaitingLog;
import dev.pltrack.client.FailureReason;
import dev.pltrack.client.FollowUp;
import dev.pltrack.client.LogRequest;
import dev.pltrack.client.LogStatus;
import dev.pltrack.client.PromptLayerUnprocessableException;
import dev.pltrack.client.Submission;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.client.TrackResult;
import dev.pltrack.client.blueprint.ChatMessage;
import dev.pltrack.client.blueprint.PromptBlueprint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Logs on the engine, over a real socket: what is addressed to a log before it is sent travels
 * inside it (one call); what comes while it is sent waits for its id and goes out for it; a log that
 * fails takes what waited on it to the dead-letter handler, once each.
 */
class LogDeliveryTest {

    private static final String KEY = "pl_log_delivery_key_0123456789";
    private static final Instant START = Instant.parse("2026-12-03T10:30:00Z");

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final RecordingDeadLetters deadLetters = new RecordingDeadLetters();

    @BeforeEach
    void start() {
        server.start();
        server.stubFor(post(urlEqualTo("/rest/track-metadata")).willReturn(ok("Metadata tracked successfully")));
        server.stubFor(post(urlEqualTo("/rest/track-score")).willReturn(ok("Score tracked")));
        server.stubFor(post(urlEqualTo("/rest/track-prompt")).willReturn(ok("Prompt tracked")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String message) {
        return aResponse().withStatus(200).withBody("{\"success\":true,\"message\":\"" + message + "\"}");
    }

    private void logAnswers(int id, int delayMillis) {
        server.stubFor(post(urlEqualTo("/log-request")).willReturn(aResponse().withStatus(201)
                .withFixedDelay(delayMillis).withBody("{\"id\":" + id + ",\"status\":\"SUCCESS\"}")));
    }

    /** An engine that sends only when flushed (or answered), so that tests decide what is sent when. */
    private DeliveryEngine engine() {
        return DeliveryEngine.builder(Engines.clientFor("http://127.0.0.1:" + server.port(), KEY, Duration.ofSeconds(5)))
                .config(Engines.config().linger(Duration.ofMinutes(10)).build())
                .deadLetterHandler(deadLetters)
                .build();
    }

    private static LogRequest call() {
        return LogRequest.builder("openai", "gpt-4o")
                .input(PromptBlueprint.chat(ChatMessage.user("Hello!")))
                .output(PromptBlueprint.chat(ChatMessage.assistant("Hi there!")))
                .times(START, START.plusMillis(800))
                .metadata("feature", "chat")
                .tokens(3, 4)
                .build();
    }

    private List<String> bodiesSentTo(String path) {
        return server.findAll(postRequestedFor(urlEqualTo(path))).stream().map(LoggedRequest::getBodyAsString).toList();
    }

    private static void assertBalanced(DeliveryStats stats) {
        assertThat(stats.submitted()).isEqualTo(stats.coalesced() + stats.delivered() + stats.failed() + stats.pending());
    }

    @Test
    void metadataAndTheDefaultScoreGivenBeforeTheLogIsSentTravelInsideIt() throws Exception {
        logAnswers(4711, 0);
        try (DeliveryEngine engine = engine()) {
            LogHandle log = engine.log(call());
            CompletableFuture<TrackResult> user = engine.track(log, Map.of("user_id", "u-42", "feature", "agent"));
            CompletableFuture<TrackResult> score = engine.score(log, 90, null);

            assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();

            assertThat(log.logged().get(5, TimeUnit.SECONDS).id()).isEqualTo(4711);
            assertThat(log.requestId()).hasValue(4711);
            assertThat(user.get(5, TimeUnit.SECONDS)).isEqualTo(new TrackResult(4711, DeliveryEngine.SENT_WITH_THE_LOG, 1));
            assertThat(score.get(5, TimeUnit.SECONDS).requestId()).isEqualTo(4711);
            DeliveryStats stats = engine.stats();
            assertThat(stats.submitted()).isEqualTo(3);
            assertThat(stats.coalesced()).isEqualTo(2);
            assertThat(stats.delivered()).isEqualTo(1);
            assertBalanced(stats);
        }
        assertThat(server.getAllServeEvents()).hasSize(1);
        assertThat(bodiesSentTo("/log-request")).containsExactly("{\"provider\":\"openai\",\"model\":\"gpt-4o\","
                + "\"input\":{\"type\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"Hello!\"}]}]},\"output\":{\"type\":\"chat\",\"messages\":[{\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"Hi there!\"}]}]},"
                + "\"request_start_time\":\"2026-12-03T10:30:00Z\",\"request_end_time\":\"2026-12-03T10:30:00.800Z\","
                + "\"metadata\":{\"feature\":\"agent\",\"user_id\":\"u-42\"},\"input_tokens\":3,\"output_tokens\":4,"
                + "\"score\":90,\"status\":\"SUCCESS\"}");
    }

    @Test
    void whatArrivesWhileTheLogIsSentGoesOutForItsNewId() throws Exception {
        logAnswers(88, 1_000);
        try (DeliveryEngine engine = engine()) {
            LogHandle log = engine.log(call());
            CompletableFuture<TrackResult> named = engine.score(log, 70, "tone");   // never folds into the log
            engine.flush(Duration.ofMillis(1));
            await().atMost(Duration.ofSeconds(5)).until(() -> engine.stats().inFlight() == 1);

            CompletableFuture<TrackResult> track = engine.track(log, Map.of("rating", "5"));
            CompletableFuture<TrackResult> later = engine.track(log, Map.of("rating", "4", "comment", "ok"));
            CompletableFuture<TrackResult> link = engine.linkPrompt(log,
                    new FollowUp.PromptLink("support-response", Map.of("user_message", "Hello!"), 2, null));
            engine.score(log, 75, "tone");
            assertThat(log.requestId()).isEmpty();

            assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();

            assertThat(track.get(5, TimeUnit.SECONDS)).isEqualTo(new TrackResult(88, "Metadata tracked successfully", 1));
            assertThat(later.get(5, TimeUnit.SECONDS).requestId()).isEqualTo(88);
            assertThat(link.get(5, TimeUnit.SECONDS).message()).isEqualTo("Prompt tracked");
            assertThat(named.get(5, TimeUnit.SECONDS).message()).isEqualTo("Score tracked");
            assertBalanced(engine.stats());
            assertThat(engine.stats().delivered()).isEqualTo(4);
        }
        assertThat(bodiesSentTo("/log-request")).singleElement().asString().doesNotContain("rating", "\"score\"");
        assertThat(bodiesSentTo("/rest/track-metadata")).containsExactly("{\"api_key\":\"" + KEY + "\",\"request_id\":88,"
                + "\"metadata\":{\"rating\":\"4\",\"comment\":\"ok\"}}");
        assertThat(bodiesSentTo("/rest/track-score")).containsExactly(
                "{\"api_key\":\"" + KEY + "\",\"request_id\":88,\"score\":75,\"name\":\"tone\"}");
        assertThat(bodiesSentTo("/rest/track-prompt")).containsExactly("{\"api_key\":\"" + KEY + "\",\"request_id\":88,"
                + "\"prompt_name\":\"support-response\",\"prompt_input_variables\":{\"user_message\":\"Hello!\"},"
                + "\"version\":2}");
    }

    @Test
    void aFailedLogDeadLettersWhatWaitedOnItOnceEach() throws Exception {
        server.stubFor(post(urlEqualTo("/log-request")).willReturn(aResponse().withStatus(422).withFixedDelay(500)
                .withBody("{\"detail\":[{\"loc\":[\"body\",\"model\"],\"msg\":\"unknown model\",\"type\":\"value_error\"}]}")));
        try (DeliveryEngine engine = engine()) {
            LogHandle log = engine.log(call());
            CompletableFuture<TrackResult> folded = engine.track(log, Map.of("user_id", "u-1"));
            engine.flush(Duration.ofMillis(1));
            await().atMost(Duration.ofSeconds(5)).until(() -> engine.stats().inFlight() == 1);
            CompletableFuture<TrackResult> waiting = engine.track(log, Map.of("rating", "5"));
            CompletableFuture<TrackResult> score = engine.score(log, 10, "tone");

            assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();

            assertThatThrownBy(() -> log.logged().get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(PromptLayerUnprocessableException.class);
            assertThatThrownBy(() -> folded.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(PromptLayerUnprocessableException.class);
            assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).cause()
                    .hasMessageContaining("waited for a log that was not delivered (" + FailureReason.UNPROCESSABLE + ")");
            assertThatThrownBy(() -> score.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);

            // Afterwards, a follow-up for the failed log is dead-lettered at once.
            CompletableFuture<TrackResult> tooLate = engine.score(log, 20, null);
            assertThatThrownBy(() -> tooLate.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);

            DeliveryStats stats = engine.stats();
            assertThat(stats.failed()).isEqualTo(4);
            assertThat(stats.pending()).isZero();
            assertBalanced(stats);
        }
        List<Submission> letters = deadLetters.letters.stream().map(DeadLetter::submission).toList();
        assertThat(letters).hasSize(4);
        assertThat(letters.get(0)).isInstanceOfSatisfying(LogRequest.class, sent ->
                assertThat(sent.metadata()).containsEntry("user_id", "u-1"));
        assertThat(letters.subList(1, 4)).allSatisfy(letter -> assertThat(letter).isInstanceOf(AwaitingLog.class));
        assertThat(letters.subList(1, 4)).extracting(letter -> ((AwaitingLog) letter).followUp()).containsExactly(
                new FollowUp.Metadata(Map.of("rating", "5")), new FollowUp.Score(10, "tone"), new FollowUp.Score(20, null));
        assertThat(deadLetters.letters).extracting(DeadLetter::reason).containsOnly(FailureReason.UNPROCESSABLE);
        assertThat(bodiesSentTo("/rest/track-metadata")).isEmpty();
        assertThat(bodiesSentTo("/rest/track-score")).isEmpty();
    }

    @Test
    void closingGivesUpAPendingLogAndWhatWaitsOnIt() throws Exception {
        logAnswers(5, 3_000);
        DeliveryEngine engine = DeliveryEngine.builder(
                        Engines.clientFor("http://127.0.0.1:" + server.port(), KEY, Duration.ofSeconds(10)))
                .config(Engines.config().linger(Duration.ofMinutes(10)).shutdownTimeout(Duration.ofMillis(500)).build())
                .deadLetterHandler(deadLetters)
                .build();
        LogHandle log = engine.log(call());
        engine.track(log, Map.of("user_id", "u-2"));
        engine.flush(Duration.ofMillis(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.stats().inFlight() == 1);
        engine.score(log, 50, "tone");

        engine.close();

        assertThat(deadLetters.letters).extracting(DeadLetter::reason)
                .containsExactly(FailureReason.SHUTDOWN_TIMEOUT, FailureReason.SHUTDOWN_TIMEOUT);
        assertThat(deadLetters.letters.get(0).submission().subject()).isEqualTo("Log of a call to openai/gpt-4o");
        assertThat(deadLetters.letters.get(1).submission().subject())
                .isEqualTo("Score \"tone\" for the log of a call to openai/gpt-4o");
        assertThat(engine.stats().pending()).isZero();
        assertBalanced(engine.stats());
        assertThat(engine.score(log, 1, "after")).isCompletedExceptionally();
        assertThat(engine.log(call()).logged()).isCompletedExceptionally();
    }

    @Test
    void scoresAndPromptLinksForKnownIdsCoalesceByIdAndName() throws Exception {
        try (DeliveryEngine engine = engine()) {
            engine.score(dev.pltrack.client.ScoreRequest.of(7, 10, "tone"));
            engine.score(dev.pltrack.client.ScoreRequest.of(7, 20, "tone"));
            engine.score(dev.pltrack.client.ScoreRequest.of(7, 30, "accuracy"));
            engine.score(dev.pltrack.client.ScoreRequest.of(8, 40, "tone"));
            engine.linkPrompt(dev.pltrack.client.PromptLinkRequest.ofLabel(7, "p", Map.of(), "staging"));
            engine.linkPrompt(dev.pltrack.client.PromptLinkRequest.ofLabel(7, "p", Map.of(), "prod"));
            engine.track(TrackRequest.of(7, Map.of("k", "v")));

            assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();
            DeliveryStats stats = engine.stats();
            assertThat(stats.delivered()).isEqualTo(5);
            assertThat(stats.coalesced()).isEqualTo(2);
            assertBalanced(stats);
        }
        assertThat(bodiesSentTo("/rest/track-score")).containsExactlyInAnyOrder(
                "{\"api_key\":\"" + KEY + "\",\"request_id\":7,\"score\":20,\"name\":\"tone\"}",
                "{\"api_key\":\"" + KEY + "\",\"request_id\":7,\"score\":30,\"name\":\"accuracy\"}",
                "{\"api_key\":\"" + KEY + "\",\"request_id\":8,\"score\":40,\"name\":\"tone\"}");
        assertThat(bodiesSentTo("/rest/track-prompt")).singleElement().asString().contains("\"label\":\"prod\"");
        assertThat(bodiesSentTo("/rest/track-metadata")).hasSize(1);
    }

    @Test
    void aRetriedLogStillCarriesWhatFoldedIntoIt() throws Exception {
        server.stubFor(post(urlEqualTo("/log-request")).inScenario("flaky")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.stubFor(post(urlEqualTo("/log-request")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201).withBody("{\"id\":31,\"status\":\"WARNING\"}")));
        try (DeliveryEngine engine = engine()) {
            LogHandle log = engine.log(call());
            engine.track(log, Map.of("user_id", "u-3"));

            assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();

            dev.pltrack.client.LoggedRequest logged = log.logged().get(5, TimeUnit.SECONDS);
            assertThat(logged.status()).isEqualTo(LogStatus.WARNING);
            assertThat(logged.attempts()).isEqualTo(2);
            assertThat(engine.stats().retried()).isEqualTo(1);
        }
        assertThat(bodiesSentTo("/log-request")).hasSize(2).allSatisfy(body -> assertThat(body).contains("\"user_id\":\"u-3\""));
    }
}
