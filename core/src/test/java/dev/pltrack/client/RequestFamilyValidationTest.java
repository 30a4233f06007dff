package dev.pltrack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pltrack.client.InvalidTrackRequestException.Violation;
import dev.pltrack.client.blueprint.ChatMessage;
import dev.pltrack.client.blueprint.PromptBlueprint;
import dev.pltrack.client.blueprint.Role;
import dev.pltrack.client.blueprint.ToolCall;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules a log request, a score and a prompt link keep before they are sent, each named by its path. */
class RequestFamilyValidationTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    private static LogRequest.Builder valid() {
        return LogRequest.builder("openai", "gpt-4o")
                .input(PromptBlueprint.chat(ChatMessage.user("hi")))
                .output(PromptBlueprint.chat(ChatMessage.assistant("hello")))
                .times(NOW, NOW);
    }

    private static List<Violation> violationsOf(LogRequest.Builder builder) {
        return catchThrowableOfType(InvalidTrackRequestException.class, builder::build).violations();
    }

    @Test
    void aValidRequestBuilds() {
        LogRequest request = valid().build();

        assertThat(request.status()).isEqualTo(LogStatus.SUCCESS);
        assertThat(request.toString()).isEqualTo("LogRequest{openai/gpt-4o, status=SUCCESS, chat input, 0 metadata entries}");
    }

    @Test
    void theBlueprintFactoriesMakeWhatTheySay() {
        assertThat(ChatMessage.developer("be brief")).isEqualTo(new ChatMessage(Role.DEVELOPER,
                List.of(new dev.pltrack.client.blueprint.ContentBlock.Text("be brief")), null, List.of(), null));
        assertThat(PromptBlueprint.chat(List.of(ChatMessage.user("a"))))
                .isEqualTo(PromptBlueprint.chat(ChatMessage.user("a")));
        assertThat(dev.pltrack.client.blueprint.ContentBlock.thinking("hmm"))
                .isEqualTo(new dev.pltrack.client.blueprint.ContentBlock.Thinking("hmm", null));
        assertThat(PromptBlueprint.completion("x").type()).isEqualTo("completion");
        assertThat(Role.TOOL.wireName()).isEqualTo("tool");
    }

    @Test
    void requiredFieldsAreNamed() {
        List<Violation> violations = violationsOf(LogRequest.builder(" ", null).times(null, null));

        assertThat(violations).extracting(Violation::field).containsExactly(
                "provider", "model", "input", "output", "request_start_time", "request_end_time");
        assertThat(violations.get(0).rule()).isEqualTo("is required and must not be blank");
    }

    @Test
    void theMessageSaysItIsALogRequest() {
        assertThatThrownBy(() -> valid().score(101).build())
                .isInstanceOf(InvalidTrackRequestException.class)
                .hasMessage("Invalid log request: score must be between 0 and 100 (was 101)");
    }

    @Test
    void toolMessagesAndToolCallsMustFitTogether() {
        List<Violation> violations = violationsOf(valid().input(PromptBlueprint.chat(
                ChatMessage.builder(Role.TOOL).text("42").build(),
                ChatMessage.builder(Role.USER).text("x").toolCallId("call_9")
                        .toolCall(ToolCall.of("call_2", "f", "{}")).build(),
                ChatMessage.assistant(null, List.of(ToolCall.of(" ", "", "{}"))))));

        assertThat(violations).extracting(Violation::field).containsExactly(
                "input.messages[0].tool_call_id",
                "input.messages[1].tool_call_id",
                "input.messages[1].tool_calls",
                "input.messages[2].tool_calls[0].id",
                "input.messages[2].tool_calls[0].function.name");
    }

    @Test
    void rangesAndLimitsAreChecked() {
        Map<String, String> metadata = new HashMap<>();
        metadata.put("k".repeat(1025), "v");
        List<Violation> violations = violationsOf(valid()
                .tag("t".repeat(513))
                .metadata(metadata)
                .tokens(-1, -2)
                .price(-0.5)
                .score(-1)
                .promptVersionNumber(0)
                .promptId(-3L));

        assertThat(violations).extracting(Violation::field).containsExactly(
                "tags[0]", "metadata[\"" + "k".repeat(40) + "...\"]", "prompt_id", "prompt_version_number",
                "input_tokens", "output_tokens", "price", "score");
        assertThat(violationsOf(valid().price(Double.NaN))).extracting(Violation::field).containsExactly("price");
        assertThat(valid().tag("t".repeat(512)).score(100).price(0).build().score()).isEqualTo(100);
    }

    @Test
    void anErrorTypeNeedsAStatusThatAllowsIt() {
        assertThat(violationsOf(valid().errorType(LogErrorType.PROVIDER_ERROR)))
                .containsExactly(new Violation("error_type",
                        "PROVIDER_ERROR is not allowed with status SUCCESS (set status WARNING or ERROR)"));
        assertThat(violationsOf(valid().status(LogStatus.WARNING).errorType(LogErrorType.PROVIDER_TIMEOUT)))
                .extracting(Violation::rule).containsExactly("PROVIDER_TIMEOUT is not allowed with status WARNING");
        assertThat(violationsOf(valid().status(LogStatus.ERROR).errorType(LogErrorType.PROVIDER_PARTIAL_RESPONSE)))
                .hasSize(1);
        assertThat(valid().status(LogStatus.WARNING).errorType(LogErrorType.PROVIDER_RATE_LIMIT).build().errorType())
                .isEqualTo(LogErrorType.PROVIDER_RATE_LIMIT);
        assertThat(violationsOf(valid().status(null))).extracting(Violation::field).containsExactly("status");
    }

    @Test
    void aLongErrorMessageIsCutWithAMarkerNotRefused() {
        LogRequest request = valid().failed(LogErrorType.PROVIDER_ERROR, "x".repeat(5000)).build();

        assertThat(request.errorMessage()).hasSize(LogRequest.MAX_ERROR_MESSAGE_LENGTH)
                .endsWith(LogRequest.CUT_MARKER).startsWith("xxxx");
        String exactly = "y".repeat(LogRequest.MAX_ERROR_MESSAGE_LENGTH);
        assertThat(valid().errorMessage(exactly).status(LogStatus.ERROR).build().errorMessage()).isEqualTo(exactly);
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        int kept = LogRequest.MAX_ERROR_MESSAGE_LENGTH - LogRequest.CUT_MARKER.length();
        String message = "a".repeat(kept - 1) + "😀" + "tail".repeat(10);

        String cut = valid().errorMessage(message).build().errorMessage();

        assertThat(cut).isEqualTo("a".repeat(kept - 1) + LogRequest.CUT_MARKER);
    }

    @Test
    void parametersMustBeWritableAsJson() {
        Object unwritable = new Object() {
            public Object getSelf() {
                return this;
            }
        };
        assertThat(violationsOf(valid().parameter("tools", unwritable))).extracting(Violation::field)
                .containsExactly("parameters[\"tools\"]");
    }

    @Test
    void mergingMetadataAndAScoreKeepsEverythingElse() {
        LogRequest request = valid().metadata("a", "1").metadata("b", "2").tag("x").tokens(3, 4).build();

        LogRequest merged = request.withMetadata(Map.of("b", "two", "c", "3")).withScore(70);

        assertThat(merged.metadata()).containsExactly(Map.entry("a", "1"), Map.entry("b", "two"), Map.entry("c", "3"));
        assertThat(merged.score()).isEqualTo(70);
        assertThat(merged.tags()).containsExactly("x");
        assertThat(merged.inputTokens()).isEqualTo(3);
        assertThat(merged.outputTokens()).isEqualTo(4);
        assertThat(merged.input()).isEqualTo(request.input());
        assertThat(request.metadata()).doesNotContainKey("c");
        assertThat(request.score()).isNull();
    }

    @Test
    void aScoreIsZeroToHundredForAPositiveIdWithANameOrTheDefault() {
        assertThat(ScoreRequest.of(1, 0).name()).isEqualTo("default");
        assertThat(ScoreRequest.of(1, 100, null).isDefault()).isTrue();
        assertThat(ScoreRequest.of(1, 100, "tone").isDefault()).isFalse();
        assertThatThrownBy(() -> ScoreRequest.of(0, 101, " "))
                .isInstanceOf(InvalidTrackRequestException.class)
                .hasMessage("Invalid score request: request_id must be a positive integer (was 0); score must be"
                        + " between 0 and 100 (was 101); name must not be blank (leave it out for \"default\")");
    }

    @Test
    void aPromptLinkNamesOneVersionAtMost() {
        InvalidTrackRequestException invalid = catchThrowableOfType(InvalidTrackRequestException.class,
                () -> new PromptLinkRequest(-1, "", Map.of(), 0, "prod"));

        assertThat(invalid.violations()).extracting(Violation::field)
                .containsExactly("request_id", "prompt_name", "version", "version");
        assertThat(invalid).hasMessageStartingWith("Invalid prompt link request: ");
        assertThat(catchThrowableOfType(InvalidTrackRequestException.class,
                () -> new PromptLinkRequest(1, "p", Map.of(), null, " ")).field()).isEqualTo("label");
        assertThat(new FollowUp.PromptLink("p", Map.of("a", 1), 3, null).addressedTo(9))
                .isEqualTo(PromptLinkRequest.ofVersion(9, "p", Map.of("a", 1), 3));
        assertThat(catchThrowableOfType(InvalidTrackRequestException.class,
                () -> new FollowUp.PromptLink(" ", Map.of(), null, null)).field()).isEqualTo("prompt_name");
    }

    @Test
    void followUpsKeepTheRulesOfWhatTheyBecome() {
        assertThat(new FollowUp.Score(80, null).addressedTo(4)).isEqualTo(ScoreRequest.of(4, 80));
        assertThat(new FollowUp.Score(80, null).isDefault()).isTrue();
        assertThat(new FollowUp.Score(80, "tone").isDefault()).isFalse();
        assertThat(catchThrowableOfType(InvalidTrackRequestException.class, () -> new FollowUp.Score(-1, "tone")))
                .hasMessage("Invalid score request: score must be between 0 and 100 (was -1)");
        assertThat(new FollowUp.Metadata(Map.of("k", "v")).addressedTo(4)).isEqualTo(TrackRequest.of(4, Map.of("k", "v")));
        assertThat(catchThrowableOfType(InvalidTrackRequestException.class,
                () -> new FollowUp.Metadata(Map.of())).field()).isEqualTo("metadata");
        assertThat(new AwaitingLog(valid().build(), new FollowUp.Score(1, "tone")).summary())
                .isEqualTo("score \"tone\" for the log of a call to openai/gpt-4o, keys []");
    }
}
