package dev.pltrack.springai;

import dev.pltrack.client.blueprint.ChatMessage;
import dev.pltrack.client.blueprint.ContentBlock;
import dev.pltrack.client.blueprint.PromptBlueprint;
import dev.pltrack.client.blueprint.Role;
import dev.pltrack.client.blueprint.ToolCall;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;

/** Spring AI's prompt messages and answers as Prompt Blueprint chat messages. */
final class SpringAiPrompts {

    private SpringAiPrompts() {
    }

    /** The prompt's messages in order; a tool response message becomes one tool message per result. */
    static PromptBlueprint input(Prompt prompt) {
        List<ChatMessage> messages = new ArrayList<>();
        if (prompt != null) {
            for (Message message : prompt.getInstructions()) {
                add(messages, message);
            }
        }
        return PromptBlueprint.chat(messages);
    }

    private static void add(List<ChatMessage> messages, Message message) {
        if (message instanceof SystemMessage) {
            messages.add(ChatMessage.system(textOf(message)));
        } else if (message instanceof UserMessage user) {
            ChatMessage.Builder built = ChatMessage.builder(Role.USER);
            String text = user.getText();
            if (text != null && !text.isEmpty() || user.getMedia().isEmpty()) {
                built.text(textOf(user));
            }
            user.getMedia().forEach(media -> built.block(blockOf(media)));
            messages.add(built.build());
        } else if (message instanceof AssistantMessage assistant) {
            messages.add(assistant(assistant));
        } else if (message instanceof ToolResponseMessage tools) {
            for (ToolResponseMessage.ToolResponse response : tools.getResponses()) {
                messages.add(ChatMessage.toolResult(nonNull(response.id()), response.name(),
                        nonNull(response.responseData())));
            }
        } else if (message != null) {
            // A message type this version does not know: kept as a user turn rather than lost.
            messages.add(ChatMessage.user(textOf(message)));
        }
    }

    /** An assistant turn: its text (none when it only calls tools) and its tool calls. */
    static ChatMessage assistant(AssistantMessage message) {
        List<ToolCall> calls = new ArrayList<>();
        for (AssistantMessage.ToolCall call : message.getToolCalls()) {
            String arguments = call.arguments();
            calls.add(ToolCall.of(nonNull(call.id()), nonNull(call.name()),
                    arguments == null || arguments.isBlank() ? "{}" : arguments));
        }
        String text = message.getText();
        if (calls.isEmpty()) {
            return ChatMessage.assistant(nonNull(text));
        }
        return ChatMessage.assistant(text == null || text.isEmpty() ? null : text, calls);
    }

    private static ContentBlock blockOf(Media media) {
        String mime = media.getMimeType() == null ? "" : media.getMimeType().toString();
        Object data = media.getData();
        if (mime.startsWith("image/")) {
            if (data instanceof String url) {
                return ContentBlock.imageUrl(url);
            }
            if (data instanceof byte[] bytes) {
                return ContentBlock.imageUrl("data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes));
            }
        }
        return ContentBlock.text("[media: " + (mime.isEmpty() ? "unknown type" : mime) + "]");
    }

    private static String textOf(Message message) {
        return nonNull(message.getText());
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
