package dev.pltrack.micronaut.langchain4j;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.pltrack.langchain4j.PromptLayerChatModelListener;
import dev.pltrack.llm.LlmCallLogger;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The {@code ChatModelListener} bean that logs LangChain4j's chat calls to PromptLayer, when the
 * application has {@code pltrack-langchain4j}: inject it (or every {@code ChatModelListener}) into the
 * chat models it builds. Off with {@code promptlayer.logging.enabled=false}.
 */
@Factory
@Requires(classes = {ChatModelListener.class, PromptLayerChatModelListener.class})
@Requires(beans = LlmCallLogger.class)
@Requires(property = "promptlayer.logging.enabled", notEquals = "false")
public class PltrackLangChain4jFactory {

    @Singleton
    @Requires(missingBeans = PromptLayerChatModelListener.class)
    PromptLayerChatModelListener promptLayerChatModelListener(LlmCallLogger logger) {
        return new PromptLayerChatModelListener(logger);
    }
}
