package dev.pltrack.springai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.client.LogErrorType;
import dev.pltrack.client.LogRequest;
import dev.pltrack.client.LogStatus;
import dev.pltrack.client.blueprint.ChatMessage;
import dev.pltrack.client.blueprint.ContentBlock;
import dev.pltrack.client.blueprint.PromptBlueprint;
import dev.pltrack.client.blueprint.Role;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.util.MimeTypeUtils;

/** The mapping of what the end-to-end tests do not reach: media, several tool results, errors, a cancelled stream. */
class SpringAiMappingTest {

    @Test
    void anImageBecomesAnImageUrlBlockAndOtherMediaANote() {
        UserMessage user = UserMessage.builder().text("What is this?")
                .media(List.of(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(new byte[] {1, 2, 3}).build(),
                        Media.builder().mimeType(MimeTypeUtils.parseMimeType("audio/wav")).data(new byte[] {4}).build()))
                .build();

        PromptBlueprint.Chat input = (PromptBlueprint.Chat) SpringAiPrompts.input(new Prompt(user));

        List<ContentBlock> content = input.messages().get(0).content();
        assertThat(content).containsExactly(ContentBlock.text("What is this?"),
                ContentBlock.imageUrl("data:image/png;base64,AQID"), ContentBlock.text("[media: audio/wav]"));
    }

    @Test
    void eachToolResultIsItsOwnToolMessage() {
        ToolResponseMessage tools = ToolResponseMessage.builder().responses(List.of(
                new ToolResponseMessage.ToolResponse("call_1", "weather", "sunny"),
                new ToolResponseMessage.ToolResponse("call_2", "time", "noon"))).build();

        PromptBlueprint.Chat input = (PromptBlueprint.Chat) SpringAiPrompts.input(new Prompt(List.of(tools)));

        assertThat(input.messages()).containsExactly(ChatMessage.toolResult("call_1", "weather", "sunny"),
                ChatMessage.toolResult("call_2", "time", "noon"));
        assertThat(input.messages()).allSatisfy(message -> assertThat(message.role()).isEqualTo(Role.TOOL));
    }

    @Test
    void aFailureWithAStatusIsCategorisedByIt() {
        ChatModelObservationContext context = context();
        context.setError(new StatusException(429));

        LogRequest request = build(ChatCallDraft.of(context));

        assertThat(request.status()).isEqualTo(LogStatus.ERROR);
        assertThat(request.errorType()).isEqualTo(LogErrorType.PROVIDER_RATE_LIMIT);
        assertThat(request.errorMessage()).isEqualTo("StatusException: slow down");
        assertThat(request.model()).isEqualTo("gpt-4o");
    }

    @Test
    void aFailureWithoutAStatusIsReadByCore() {
        ChatModelObservationContext context = context();
        context.setError(new IllegalStateException("HTTP 401 - bad key"));

        assertThat(build(ChatCallDraft.of(context)).errorType()).isEqualTo(LogErrorType.PROVIDER_AUTH_ERROR);
    }

    @Test
    void aStreamStoppedWithoutResponseNorErrorIsAWarning() {
        LogRequest request = build(ChatCallDraft.of(context()));

        assertThat(request.status()).isEqualTo(LogStatus.WARNING);
        assertThat(request.errorType()).isEqualTo(LogErrorType.PROVIDER_PARTIAL_RESPONSE);
        assertThat(((PromptBlueprint.Chat) request.output()).messages()).isEmpty();
        assertThat(request.parameters()).containsEntry("temperature", 0.5).containsEntry("stop", List.of("END"));
    }

    @Test
    void anUnknownProviderAndModelStillMakeAValidLog() {
        ChatModelObservationContext context = ChatModelObservationContext.builder()
                .prompt(new Prompt("Hello")).provider("my-llm").build();

        LogRequest request = build(ChatCallDraft.of(context));

        assertThat(request.provider()).isEqualTo("my-llm");
        assertThat(request.model()).isEqualTo(ChatCallDraft.UNKNOWN_MODEL);
    }

    private static ChatModelObservationContext context() {
        ChatOptions options = ChatOptions.builder().model("gpt-4o").temperature(0.5).stopSequences(List.of("END")).build();
        return ChatModelObservationContext.builder().prompt(new Prompt("Hello", options)).provider("openai").build();
    }

    private static LogRequest build(LogRequest.Builder draft) {
        return draft.times(Instant.EPOCH, Instant.EPOCH).build();
    }

    /** Like OpenAI's SDK exceptions: the status through {@code statusCode()}. */
    public static class StatusException extends RuntimeException {
        private final int status;

        StatusException(int status) {
            super("slow down");
            this.status = status;
        }

        public int statusCode() {
            return status;
        }
    }
}
