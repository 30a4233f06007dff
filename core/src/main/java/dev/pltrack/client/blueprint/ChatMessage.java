package dev.pltrack.client.blueprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One message of a chat blueprint. Its content is always a list of blocks, even for plain text.
 * Whether the fields fit together (a tool message answers a call by id, a tool call has a name) is
 * checked with the rest of the log request, so that every broken rule is reported at once, with
 * its path ({@code input.messages[2].tool_call_id}).
 *
 * @param role       who speaks
 * @param content    the blocks, in order (empty for an assistant message that only calls tools)
 * @param name       an optional participant or tool name, or {@code null}
 * @param toolCalls  the function calls an assistant message asks for (empty otherwise)
 * @param toolCallId for a {@link Role#TOOL tool} message, the id of the call it answers; else {@code null}
 */
public record ChatMessage(Role role, List<ContentBlock> content, String name, List<ToolCall> toolCalls,
        String toolCallId) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        content = List.copyOf(Objects.requireNonNull(content, "content"));
        toolCalls = List.copyOf(Objects.requireNonNull(toolCalls, "toolCalls"));
    }

    public static ChatMessage system(String text) {
        return of(Role.SYSTEM, text);
    }

    public static ChatMessage developer(String text) {
        return of(Role.DEVELOPER, text);
    }

    public static ChatMessage user(String text) {
        return of(Role.USER, text);
    }

    public static ChatMessage assistant(String text) {
        return of(Role.ASSISTANT, text);
    }

    /** An assistant turn that calls tools, with or without text ({@code text} may be null). */
    public static ChatMessage assistant(String text, List<ToolCall> toolCalls) {
        return builder(Role.ASSISTANT).textIfPresent(text).toolCalls(toolCalls).build();
    }

    /** A tool's result, answering the call {@code toolCallId} of the function {@code name} (may be null). */
    public static ChatMessage toolResult(String toolCallId, String name, String text) {
        return builder(Role.TOOL).toolCallId(toolCallId).name(name).text(text).build();
    }

    private static ChatMessage of(Role role, String text) {
        return builder(role).text(text).build();
    }

    public static Builder builder(Role role) {
        return new Builder(role);
    }

    /** For messages of several blocks, or with a name. */
    public static final class Builder {
        private final Role role;
        private final List<ContentBlock> content = new ArrayList<>();
        private final List<ToolCall> toolCalls = new ArrayList<>();
        private String name;
        private String toolCallId;

        private Builder(Role role) {
            this.role = Objects.requireNonNull(role, "role");
        }

        public Builder text(String text) {
            return block(ContentBlock.text(text));
        }

        /** Adds a text block unless {@code text} is null (an assistant turn that only calls tools). */
        public Builder textIfPresent(String text) {
            return text == null ? this : text(text);
        }

        public Builder block(ContentBlock block) {
            content.add(Objects.requireNonNull(block, "block"));
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder toolCall(ToolCall call) {
            toolCalls.add(Objects.requireNonNull(call, "call"));
            return this;
        }

        public Builder toolCalls(List<ToolCall> calls) {
            calls.forEach(this::toolCall);
            return this;
        }

        public Builder toolCallId(String toolCallId) {
            this.toolCallId = toolCallId;
            return this;
        }

        public ChatMessage build() {
            return new ChatMessage(role, content, name, toolCalls, toolCallId);
        }
    }
}
