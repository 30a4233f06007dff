package dev.pltrack.quarkus.runtime;

import dev.pltrack.langchain4j.PromptLayerChatModelListener;
import dev.pltrack.llm.LlmCallLogger;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The {@code ChatModelListener} bean that logs LangChain4j's chat calls to PromptLayer;
 * quarkus-langchain4j hands every such bean to the chat models it builds, and an application that
 * builds its own injects it. Registered by the extension only when LangChain4j and
 * {@code pltrack-langchain4j} are on the class path. With {@code promptlayer.logging.enabled=false}
 * (or {@code promptlayer.enabled=false}) its logger is off and it logs nothing.
 */
@Singleton
public class PltrackLangChain4jProducer {

    @Produces
    @Singleton
    @DefaultBean
    PromptLayerChatModelListener promptLayerChatModelListener(LlmCallLogger logger) {
        return new PromptLayerChatModelListener(logger);
    }
}
