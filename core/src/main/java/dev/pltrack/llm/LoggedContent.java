package dev.pltrack.llm;

import dev.pltrack.client.LogRequest;
import dev.pltrack.client.blueprint.ChatMessage;
import dev.pltrack.client.blueprint.ContentBlock;
import dev.pltrack.client.blueprint.PromptBlueprint;
import dev.pltrack.client.blueprint.ToolCall;
import dev.pltrack.internal.TextCut;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What is kept of a logged call's text: all of it, cut to {@code max-content-length} per block; or,
 * where prompt or completion text is excluded, only the shape (roles, names, tool call ids and
 * function names), so the call is still searchable by its metadata, model and times.
 */
final class LoggedContent {

    /** Tool call arguments are the model's text too; excluded, they become an empty JSON object. */
    static final String NO_ARGUMENTS = "{}";

    private final boolean includePrompt;
    private final boolean includeCompletion;
    private final int maxLength;

    LoggedContent(LlmLoggingConfig config) {
        this.includePrompt = config.includePrompt();
        this.includeCompletion = config.includeCompletion();
        this.maxLength = config.maxContentLength();
    }

    /** The request as it may be sent; the same instance when nothing had to change. */
    LogRequest apply(LogRequest request) {
        PromptBlueprint input = includePrompt ? cut(request.input()) : shapeOf(request.input());
        PromptBlueprint output = includeCompletion ? cut(request.output()) : shapeOf(request.output());
        boolean dropVariables = !includePrompt && !request.promptInputVariables().isEmpty();
        if (input == request.input() && output == request.output() && !dropVariables) {
            return request;
        }
        LogRequest.Builder kept = request.toBuilder().input(input).output(output);
        if (dropVariables) {
            kept.promptInputVariables(Map.of());
        }
        return kept.build();
    }

    private PromptBlueprint shapeOf(PromptBlueprint blueprint) {
        if (blueprint instanceof PromptBlueprint.Chat chat) {
            List<ChatMessage> shapes = new ArrayList<>(chat.messages().size());
            for (ChatMessage message : chat.messages()) {
                List<ToolCall> calls = message.toolCalls().stream()
                        .map(call -> new ToolCall(call.id(), call.name(), NO_ARGUMENTS))
                        .toList();
                shapes.add(new ChatMessage(message.role(), List.of(), message.name(), calls, message.toolCallId()));
            }
            return new PromptBlueprint.Chat(shapes);
        }
        return new PromptBlueprint.Completion(List.of());
    }

    private PromptBlueprint cut(PromptBlueprint blueprint) {
        if (blueprint instanceof PromptBlueprint.Chat chat) {
            List<ChatMessage> messages = null;
            for (int i = 0; i < chat.messages().size(); i++) {
                ChatMessage message = chat.messages().get(i);
                List<ContentBlock> content = cut(message.content());
                if (content != message.content()) {
                    if (messages == null) {
                        messages = new ArrayList<>(chat.messages());
                    }
                    messages.set(i, new ChatMessage(message.role(), content, message.name(), message.toolCalls(),
                            message.toolCallId()));
                }
            }
            return messages == null ? blueprint : new PromptBlueprint.Chat(messages);
        }
        PromptBlueprint.Completion completion = (PromptBlueprint.Completion) blueprint;
        List<ContentBlock> content = cut(completion.content());
        return content == completion.content() ? blueprint : new PromptBlueprint.Completion(content);
    }

    /** The same list when no block is too long. */
    private List<ContentBlock> cut(List<ContentBlock> blocks) {
        List<ContentBlock> cut = null;
        for (int i = 0; i < blocks.size(); i++) {
            ContentBlock block = blocks.get(i);
            ContentBlock kept = cut(block);
            if (kept != block) {
                if (cut == null) {
                    cut = new ArrayList<>(blocks);
                }
                cut.set(i, kept);
            }
        }
        return cut == null ? blocks : cut;
    }

    private ContentBlock cut(ContentBlock block) {
        if (block instanceof ContentBlock.Text text && text.text().length() > maxLength) {
            return ContentBlock.text(TextCut.cut(text.text(), maxLength));
        }
        if (block instanceof ContentBlock.Thinking thinking && thinking.thinking().length() > maxLength) {
            return new ContentBlock.Thinking(TextCut.cut(thinking.thinking(), maxLength), thinking.signature());
        }
        if (block instanceof ContentBlock.ImageUrl image && image.url().length() > maxLength) {
            // A cut URL (most often a base64 data: URL) is no image at all: say what was there instead.
            return ContentBlock.text("[image not sent: its URL has " + image.url().length() + " characters, over "
                    + LlmLoggingConfig.MAX_CONTENT_LENGTH_PROPERTY + "=" + maxLength + "]");
        }
        return block;
    }
}
