package dev.pltrack.springai;

import dev.pltrack.llm.LlmCall;
import dev.pltrack.llm.LlmCallLogger;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.util.Objects;
import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Logs each Spring AI chat-model call to PromptLayer. Spring AI's chat models start the observation
 * on the thread that makes the call (for a stream, the one that subscribes) and stop it once: after
 * the answer for {@code call()}, after the aggregated answer for {@code stream()}, with the error set
 * when the call failed. {@link #onStart} starts an {@link LlmCall} there (so an enclosing
 * {@code @TrackMetadata} method gets the log's metadata), {@link #onStop} finishes it, once.
 * Never throws into the chat call: a mapping failure is counted by the logger, not raised.
 */
public final class PromptLayerChatObservationHandler implements ObservationHandler<ChatModelObservationContext> {

    private final LlmCallLogger logger;

    public PromptLayerChatObservationHandler(LlmCallLogger logger) {
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ChatModelObservationContext && logger.enabled();
    }

    @Override
    public void onStart(ChatModelObservationContext context) {
        try {
            context.put(LlmCall.class, logger.start());
        } catch (RuntimeException e) {
            // Never into the chat call.
        }
    }

    @Override
    public void onStop(ChatModelObservationContext context) {
        LlmCall call = context.get(LlmCall.class);
        if (call != null) {
            call.finish(() -> ChatCallDraft.of(context));
        }
    }
}
