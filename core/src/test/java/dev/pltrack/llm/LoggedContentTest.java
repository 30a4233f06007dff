package dev.pltrack.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.client.LogRequest;
import dev.pltrack.client.blueprint.ChatMessage;
import dev.pltrack.client.blueprint.ContentBlock;
import dev.pltrack.client.blueprint.PromptBlueprint;
import dev.pltrack.client.blueprint.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules of what is kept of a call's text, on the request itself (no server): a block of exactly
 * the maximum length is kept whole, one character more is cut; a request with nothing to change is
 * sent as it is; completion-style blueprints are cut and reduced to their shape like chats.
 */
class LoggedContentTest {

    private static final int MAX = 64;

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

    private static LogRequest.Builder builder(String provider, String model) {
        return LogRequest.builder(provider, model).times(START, START.plusSeconds(1));
    }

    private static LoggedContent content(LlmLoggingConfig.Builder config) {
        return new LoggedContent(config.maxContentLength(MAX).build());
    }

    private static LogRequest chatWith(ContentBlock block) {
        return builder("openai", "gpt-4o")
                .input(PromptBlueprint.chat(ChatMessage.builder(Role.USER).block(block).build()))
                .output(PromptBlueprint.chat(ChatMessage.assistant("ok")))
                .build();
    }

    @Test
    void blocksOfExactlyTheMaximumLengthAreSentUnchanged() {
        LoggedContent content = content(LlmLoggingConfig.builder());
        for (ContentBlock block : List.of(ContentBlock.text("t".repeat(MAX)), ContentBlock.thinking("h".repeat(MAX)),
                ContentBlock.imageUrl("https://img.example/" + "i".repeat(MAX - 20)))) {
            LogRequest request = chatWith(block);
            assertThat(content.apply(request)).as(block.toString()).isSameAs(request);
        }
    }

    @Test
    void oneCharacterMoreIsCut() {
        LoggedContent content = content(LlmLoggingConfig.builder());

        assertThat(firstInputBlock(content.apply(chatWith(ContentBlock.text("t".repeat(MAX + 1))))))
                .isEqualTo(ContentBlock.text("t".repeat(MAX - LogRequest.CUT_MARKER.length()) + LogRequest.CUT_MARKER));
        assertThat(firstInputBlock(content.apply(chatWith(ContentBlock.thinking("h".repeat(MAX + 1))))))
                .isEqualTo(new ContentBlock.Thinking("h".repeat(MAX - LogRequest.CUT_MARKER.length())
                        + LogRequest.CUT_MARKER, null));
        assertThat(firstInputBlock(content.apply(chatWith(ContentBlock.imageUrl("https://img.example/"
                + "i".repeat(MAX - 19)))))).isInstanceOf(ContentBlock.Text.class);
    }

    @Test
    void withEverythingIncludedAndShortTextTheRequestIsSentAsItIs() {
        LogRequest request = builder("openai", "gpt-4o")
                .input(PromptBlueprint.chat(ChatMessage.user("hi")))
                .output(PromptBlueprint.chat(ChatMessage.assistant("hello")))
                .promptInputVariables(Map.of("name", "Ada"))
                .build();

        assertThat(content(LlmLoggingConfig.builder()).apply(request)).isSameAs(request);
    }

    @Test
    void withoutPromptTextOnlyTheVariablesGoWhenTheShapeIsAlreadyEmpty() {
        LogRequest request = builder("openai", "gpt-4o")
                .input(PromptBlueprint.chat())
                .output(PromptBlueprint.chat(ChatMessage.assistant("hello")))
                .promptInputVariables(Map.of("name", "Ada"))
                .build();

        LogRequest sent = content(LlmLoggingConfig.builder().includePrompt(false)).apply(request);

        assertThat(sent.promptInputVariables()).isEmpty();
        assertThat(sent.output()).isEqualTo(request.output());
    }

    @Test
    void completionBlueprintsAreCutAndReducedToTheirShape() {
        LogRequest request = builder("openai", "gpt-3.5-turbo-instruct")
                .input(PromptBlueprint.completion("p".repeat(MAX + 10)))
                .output(PromptBlueprint.completion("short answer"))
                .build();

        LogRequest cut = content(LlmLoggingConfig.builder()).apply(request);
        assertThat(((PromptBlueprint.Completion) cut.input()).content())
                .containsExactly(ContentBlock.text("p".repeat(MAX - LogRequest.CUT_MARKER.length()) + LogRequest.CUT_MARKER));
        assertThat(cut.output()).isSameAs(request.output());

        LogRequest shapes = content(LlmLoggingConfig.builder().includePrompt(false).includeCompletion(false)).apply(request);
        assertThat(shapes.input()).isEqualTo(new PromptBlueprint.Completion(List.of()));
        assertThat(shapes.output()).isEqualTo(new PromptBlueprint.Completion(List.of()));
    }

    private static ContentBlock firstInputBlock(LogRequest request) {
        return ((PromptBlueprint.Chat) request.input()).messages().get(0).content().get(0);
    }
}
