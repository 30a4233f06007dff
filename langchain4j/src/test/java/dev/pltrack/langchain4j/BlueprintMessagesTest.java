package dev.pltrack.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.AudioContent;
import dev.langchain4j.data.message.CustomMessage;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.pltrack.client.blueprint.ChatMessage;
import dev.pltrack.client.blueprint.ContentBlock;
import dev.pltrack.client.blueprint.Role;
import dev.pltrack.client.blueprint.ToolCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mappings the HTTP tests do not reach: images, reasoning, content without a block, parameters. */
class BlueprintMessagesTest {

    @Test
    void aUsersTextImagesAndOtherContentBecomeBlocksInOrder() {
        UserMessage user = UserMessage.from("ada", List.of(
                TextContent.from("What is in these?"),
                ImageContent.from("https://example.com/cat.png"),
                ImageContent.from("aGVsbG8=", "image/png"),
                AudioContent.from("https://example.com/purr.mp3")));

        assertThat(BlueprintMessages.of(user)).isEqualTo(ChatMessage.builder(Role.USER).name("ada")
                .text("What is in these?")
                .block(ContentBlock.imageUrl("https://example.com/cat.png"))
                .block(ContentBlock.imageUrl("data:image/png;base64,aGVsbG8="))
                .text("[audio content]")
                .build());
    }

    @Test
    void anAnswerKeepsItsReasoningTextAndToolCalls() {
        AiMessage ai = AiMessage.builder().thinking("The user wants weather.").text("Let me look.")
                .toolExecutionRequests(List.of(ToolExecutionRequest.builder().id("call_1").name("weather")
                        .arguments("{\"city\":\"Oslo\"}").build()))
                .build();

        assertThat(BlueprintMessages.of(ai)).isEqualTo(ChatMessage.builder(Role.ASSISTANT)
                .block(ContentBlock.thinking("The user wants weather."))
                .text("Let me look.")
                .toolCall(ToolCall.of("call_1", "weather", "{\"city\":\"Oslo\"}"))
                .build());
    }

    @Test
    void aProviderSpecificMessageIsNamedNotShown() {
        assertThat(BlueprintMessages.of(new CustomMessage(Map.of("secret", "value"))))
                .isEqualTo(ChatMessage.user("[CUSTOM message]"));
    }

    @Test
    void parametersThatWereSetAreSentUnderOpenAisNames() {
        ChatRequestParameters parameters = ChatRequestParameters.builder().modelName("gpt-4o").temperature(0.5)
                .topP(0.9).topK(40).frequencyPenalty(0.1).presencePenalty(0.2).maxOutputTokens(256)
                .stopSequences(List.of("END")).toolChoice(ToolChoice.REQUIRED).responseFormat(ResponseFormat.JSON)
                .build();

        assertThat(ChatParameters.of(parameters)).containsExactly(
                Map.entry("temperature", 0.5), Map.entry("top_p", 0.9), Map.entry("top_k", 40),
                Map.entry("frequency_penalty", 0.1), Map.entry("presence_penalty", 0.2), Map.entry("max_tokens", 256),
                Map.entry("stop", List.of("END")), Map.entry("tool_choice", "required"),
                Map.entry("response_format", Map.of("type", "json_object")));
        assertThat(ChatParameters.of(ChatRequestParameters.builder().build())).isEmpty();
    }
}
