package dev.pltrack.langchain4j;

import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.pltrack.llm.LlmCall;
import dev.pltrack.llm.LlmCallLogger;
import java.util.Map;
import java.util.Objects;

/**
 * Logs each chat call of the LangChain4j models it is given to ({@code .listeners(List.of(listener))},
 * or as a bean where the framework collects them) to PromptLayer. A streaming call is logged once,
 * when the stream completes: LangChain4j tells its listeners of the whole response then.
 *
 * <p>{@code onRequest} runs on the caller's thread, where it starts the {@link LlmCall} (so an
 * enclosing {@code @TrackMetadata} call hears of the log); {@code onResponse} or {@code onError}
 * finishes it with what {@link ChatLogDrafts} read from the call. Nothing here throws into the chat
 * call, and the model's own exception reaches the caller unchanged (LangChain4j rethrows it).
 */
public final class PromptLayerChatModelListener implements ChatModelListener {

    /** Where the call in progress waits in the context's attributes, between request and response. */
    static final String CALL_ATTRIBUTE = PromptLayerChatModelListener.class.getName() + ".call";

    private final LlmCallLogger logger;

    public PromptLayerChatModelListener(LlmCallLogger logger) {
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    @Override
    public void onRequest(ChatModelRequestContext context) {
        if (logger.enabled()) {
            context.attributes().put(CALL_ATTRIBUTE, logger.start());
        }
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
        callOf(context.attributes()).finish(() -> ChatLogDrafts.succeeded(
                context.chatRequest(), context.chatResponse(), context.modelProvider()));
    }

    @Override
    public void onError(ChatModelErrorContext context) {
        callOf(context.attributes()).finish(() -> ChatLogDrafts.failed(
                context.chatRequest(), context.error(), context.modelProvider()));
    }

    /** The call {@code onRequest} started; a new one if it did not (a model that reports only errors). */
    private LlmCall callOf(Map<Object, Object> attributes) {
        Object call = attributes == null ? null : attributes.remove(CALL_ATTRIBUTE);
        return call instanceof LlmCall started ? started : logger.start();
    }

    @Override
    public String toString() {
        return "PromptLayerChatModelListener{" + logger.config() + "}";
    }
}
