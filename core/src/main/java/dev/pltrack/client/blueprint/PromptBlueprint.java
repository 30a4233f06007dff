package dev.pltrack.client.blueprint;

import java.util.List;
import java.util.Objects;

/**
 * What went into an LLM call, or came out of it, in PromptLayer's blueprint shape: a chat (a list of
 * messages) or a completion (a list of content blocks).
 */
public sealed interface PromptBlueprint permits PromptBlueprint.Chat, PromptBlueprint.Completion {

    /** {@code "chat"} or {@code "completion"}, the blueprint's {@code type}. */
    String type();

    static PromptBlueprint chat(ChatMessage... messages) {
        return new Chat(List.of(messages));
    }

    static PromptBlueprint chat(List<ChatMessage> messages) {
        return new Chat(messages);
    }

    static PromptBlueprint completion(String text) {
        return new Completion(List.of(ContentBlock.text(text)));
    }

    /** {@code {"type":"chat","messages":[...]}}; an empty list is a call that produced no message. */
    record Chat(List<ChatMessage> messages) implements PromptBlueprint {
        public Chat {
            messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        }

        @Override
        public String type() {
            return "chat";
        }
    }

    /** {@code {"type":"completion","content":[...]}} */
    record Completion(List<ContentBlock> content) implements PromptBlueprint {
        public Completion {
            content = List.copyOf(Objects.requireNonNull(content, "content"));
        }

        @Override
        public String type() {
            return "completion";
        }
    }
}
