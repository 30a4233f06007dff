package dev.pltrack.springai;

import dev.pltrack.llm.LlmCallLogger;
import dev.pltrack.spring.PromptLayerAutoConfiguration;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Logs Spring AI's chat-model calls to PromptLayer when Spring AI is on the classpath and the
 * starter's {@link LlmCallLogger} is there ({@code promptlayer.enabled} is not false), unless
 * {@code promptlayer.logging.enabled=false}.
 *
 * <p>Spring AI's chat models observe each call through the application's {@link ObservationRegistry}
 * and fall back to {@link ObservationRegistry#NOOP} (no handler ever runs) when there is none. Boot
 * makes one with its observation auto-configuration (Boot 4: {@code spring-boot-micrometer-observation},
 * which Actuator brings; Boot 3: {@code spring-boot-actuator-autoconfigure}); the handler is added to
 * that registry, or to any the application defines. Without one, this configuration defines a plain
 * registry holding only the PromptLayer handler, so that the chat calls are still logged.
 */
@AutoConfiguration(after = PromptLayerAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration"})
@ConditionalOnClass({ChatModelObservationContext.class, ObservationRegistry.class})
@ConditionalOnBean(LlmCallLogger.class)
@ConditionalOnProperty(name = "promptlayer.logging.enabled", havingValue = "true", matchIfMissing = true)
public class PltrackSpringAiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public PromptLayerChatObservationHandler promptLayerChatObservationHandler(LlmCallLogger logger) {
        return new PromptLayerChatObservationHandler(logger);
    }

    /** Static, as bean post-processors must be: it looks the handler up when the registry is made. */
    @Bean
    static ObservationRegistryHandlerRegistrar promptLayerObservationRegistryHandlerRegistrar(
            ObjectProvider<PromptLayerChatObservationHandler> handler) {
        return new ObservationRegistryHandlerRegistrar(handler);
    }

    /** Only when neither Boot nor the application made a registry: Spring AI would observe nothing. */
    @Bean
    @ConditionalOnMissingBean(ObservationRegistry.class)
    public ObservationRegistry promptLayerObservationRegistry() {
        return ObservationRegistry.create();
    }
}
