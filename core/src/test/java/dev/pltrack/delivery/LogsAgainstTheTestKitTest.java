package dev.pltrack.delivery;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pltrack.client.FollowUp;
import dev.pltrack.client.LogErrorType;
import dev.pltrack.client.LogRequest;
import dev.pltrack.client.LogStatus;
import dev.pltrack.client.LoggedRequest;
import dev.pltrack.client.PromptLayerUnauthorizedException;
import dev.pltrack.client.blueprint.ChatMessage;
import dev.pltrack.client.blueprint.PromptBlueprint;
import dev.pltrack.client.blueprint.ToolCall;
import dev.pltrack.testkit.Endpoint;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import dev.pltrack.testkit.Fault;
import dev.pltrack.testkit.RequestLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine's logs against the test kit's fake PromptLayer, which validates log-request bodies as
 * PromptLayer's schema does (a plain-string content is a 422) and merges what follows per request id.
 */
class LogsAgainstTheTestKitTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private static LogRequest agentCall() {
        return LogRequest.builder("openai", "gpt-4o")
                .input(PromptBlueprint.chat(
                        ChatMessage.system("You plan trips."),
                        ChatMessage.user("Weather in Oslo?"),
                        ChatMessage.assistant(null, List.of(ToolCall.of("call_1", "weather", "{\"city\":\"Oslo\"}"))),
                        ChatMessage.toolResult("call_1", "weather", "-3 °C, snow")))
                .output(PromptBlueprint.chat(ChatMessage.assistant("Pack a coat.")))
                .times(Instant.parse("2026-12-03T10:00:00Z"), Instant.parse("2026-12-03T10:00:02Z"))
                .tokens(58, 4)
                .metadata("feature", "agent")
                .build();
    }

    private static DeliveryEngine engineFor(FakePromptLayer fake) {
        return Engines.engineFor(fake).config(Engines.config().linger(Duration.ofMinutes(10)).build()).build();
    }

    @Test
    void theFakeAcceptsTheBlueprintAndTheIdReachesWhatFollows() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        try (DeliveryEngine engine = engineFor(fake)) {
            LogHandle log = engine.log(agentCall());
            log.track(Map.of("user_id", "u-42"));
            log.score(80, null);
            engine.score(log, 60, "tone");
            engine.linkPrompt(log, new FollowUp.PromptLink("trip-planner", Map.of("city", "Oslo"), null, "prod"));

            assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();
            LoggedRequest logged = log.logged().get(5, TimeUnit.SECONDS);
            // After the log: a track for its id (sent at the next flush, with this engine's long linger).
            var rating = engine.track(log, Map.of("rating", "5"));
            assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(rating.get(5, TimeUnit.SECONDS).requestId()).isEqualTo(logged.id());

            RequestLog stored = fake.loggedRequest(logged.id()).orElseThrow();
            assertThat(stored.log().input().toString()).contains("\"tool_calls\"", "\"tool_call_id\":\"call_1\"");
            assertThat(stored.metadata()).containsExactly(Map.entry("feature", "agent"), Map.entry("user_id", "u-42"),
                    Map.entry("rating", "5"));
            assertThat(stored.scores()).containsExactly(Map.entry("default", 80), Map.entry("tone", 60));
            assertThat(stored.promptLink().label()).isEqualTo("prod");
            assertThat(fake).hasLoggedRequests(1).hasScore(logged.id(), "tone", 60);
            assertThat(fake.acceptedCount(Endpoint.LOG_REQUEST)).isEqualTo(1);
            assertThat(fake.acceptedCount(Endpoint.TRACK_METADATA)).isEqualTo(1);   // only the late rating
        }
    }

    @Test
    void aFailedCallIsLoggedWithItsStatus() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        try (DeliveryEngine engine = engineFor(fake)) {
            LogHandle log = engine.log(agentCall().toBuilder()
                    .output(PromptBlueprint.chat())
                    .failed(LogErrorType.PROVIDER_RATE_LIMIT, "429 from the provider")
                    .build());
            assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();

            LoggedRequest logged = log.logged().get(5, TimeUnit.SECONDS);
            assertThat(logged.status()).isEqualTo(LogStatus.ERROR);
            assertThat(fake.loggedRequest(logged.id()).orElseThrow().log().errorType()).isEqualTo("PROVIDER_RATE_LIMIT");
        }
    }

    @Test
    void aLogRefusedByTheServerTakesWhatWaitedOnItToTheDeadLetterHandler() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(Endpoint.LOG_REQUEST, 1, Fault.status(401));
        RecordingDeadLetters deadLetters = new RecordingDeadLetters();
        try (DeliveryEngine engine = Engines.engineFor(fake).deadLetterHandler(deadLetters)
                .config(Engines.config().linger(Duration.ofMinutes(10)).build()).build()) {
            LogHandle log = engine.log(agentCall());
            engine.score(log, 10, "tone");
            assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();

            assertThatThrownBy(() -> log.logged().get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(PromptLayerUnauthorizedException.class);
        }
        assertThat(deadLetters.letters).hasSize(2);
        assertThat(deadLetters.letters.toString()).doesNotContain(fake.apiKey());
        assertThat(fake.scoresFor(1)).isEmpty();
    }
}
