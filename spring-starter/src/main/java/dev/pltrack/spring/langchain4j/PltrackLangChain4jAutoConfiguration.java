package dev.pltrack.spring.langchain4j;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.pltrack.langchain4j.PromptLayerChatModelListener;
import dev.pltrack.llm.LlmCallLogger;
import dev.pltrack.spring.PromptLayerAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * A {@code ChatModelListener} bean that logs every LangChain4j chat call to PromptLayer, when
 * {@code pltrack-langchain4j} is on the class path. LangChain4j's Spring Boot starters give every
 * listener bean to the chat models they build; a model built by hand takes it from the context.
 * Off with {@code promptlayer.logging.enabled=false} (or {@code promptlayer.enabled=false}).
 */
@AutoConfiguration(after = PromptLayerAutoConfiguration.class)
@ConditionalOnClass(name = {
        "dev.langchain4j.model.chat.listener.ChatModelListener",
        "dev.pltrack.langchain4j.PromptLayerChatModelListener"})
@ConditionalOnBean(LlmCallLogger.class)
@ConditionalOnProperty(prefix = "promptlayer.logging", name = "enabled", havingValue = "true", matchIfMissing = true)
public class PltrackLangChain4jAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(PromptLayerChatModelListener.class)
    public ChatModelListener promptLayerChatModelListener(LlmCallLogger logger) {
        return new PromptLayerChatModelListener(logger);
    }
}
