package dev.pltrack.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.pltrack.client.blueprint.ChatMessage;
import dev.pltrack.client.blueprint.ContentBlock;
import dev.pltrack.client.blueprint.Role;
import dev.pltrack.client.blueprint.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** LangChain4j's chat messages as Prompt Blueprint messages. */
final class BlueprintMessages {

    private BlueprintMessages() {
    }

    static List<ChatMessage> of(List<dev.langchain4j.data.message.ChatMessage> messages) {
        if (messages == null) {
            return List.of();
        }
        List<ChatMessage> mapped = new ArrayList<>(messages.size());
        for (dev.langchain4j.data.message.ChatMessage message : messages) {
            mapped.add(of(message));
        }
        return mapped;
    }

    static ChatMessage of(dev.langchain4j.data.message.ChatMessage message) {
        if (message instanceof SystemMessage system) {
            return ChatMessage.system(orEmpty(system.text()));
        }
        if (message instanceof UserMessage user) {
            ChatMessage.Builder mapped = ChatMessage.builder(Role.USER).name(user.name());
            user.contents().forEach(content -> mapped.block(blockOf(content)));
            return mapped.build();
        }
        if (message instanceof AiMessage ai) {
            return of(ai);
        }
        if (message instanceof ToolExecutionResultMessage result) {
            return ChatMessage.toolResult(result.id(), result.toolName(), orEmpty(result.text()));
        }
        // A provider-specific message (CustomMessage): its attributes are the provider's own, not text to show.
        return ChatMessage.user("[" + message.type() + " message]");
    }

    /** An answer: its reasoning, its text and images, and the tools it calls. */
    static ChatMessage of(AiMessage ai) {
        ChatMessage.Builder mapped = ChatMessage.builder(Role.ASSISTANT);
        if (ai == null) {
            return mapped.build();
        }
        if (ai.thinking() != null && !ai.thinking().isEmpty()) {
            mapped.block(ContentBlock.thinking(ai.thinking()));
        }
        mapped.textIfPresent(ai.text());
        if (ai.images() != null) {
            ai.images().forEach(image -> mapped.block(imageOf(image)));
        }
        for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
            mapped.toolCall(ToolCall.of(request.id(), request.name(), request.arguments()));
        }
        return mapped.build();
    }

    private static ContentBlock blockOf(Content content) {
        if (content instanceof TextContent text) {
            return ContentBlock.text(orEmpty(text.text()));
        }
        if (content instanceof ImageContent image) {
            return imageOf(image.image());
        }
        // Audio, video and PDF have no block in a Prompt Blueprint: say what was there.
        return ContentBlock.text("[" + content.type().name().toLowerCase(Locale.ROOT) + " content]");
    }

    private static ContentBlock imageOf(Image image) {
        if (image.url() != null) {
            return ContentBlock.imageUrl(image.url().toString());
        }
        if (image.base64Data() != null) {
            String mimeType = image.mimeType() == null ? "application/octet-stream" : image.mimeType();
            return ContentBlock.imageUrl("data:" + mimeType + ";base64," + image.base64Data());
        }
        return ContentBlock.text("[image]");
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
