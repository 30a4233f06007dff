package dev.pltrack.spring;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerClientCustomizer;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.delivery.DeadLetterHandler;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.delivery.DeliveryListener;
import dev.pltrack.llm.LlmCallLogger;
import dev.pltrack.settings.CoreConfigs;
import dev.pltrack.spring.aop.TrackMetadataBeanPostProcessor;
import dev.pltrack.tracking.AsyncResultAdapter;
import dev.pltrack.tracking.TrackMetadataHandler;
import dev.pltrack.tracking.TrackingConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Builds the core's client, delivery engine and {@code @TrackMetadata} handler from the
 * {@code promptlayer.*} properties, and proxies beans with annotated methods. Every bean gives way
 * to one the application defines; {@code promptlayer.enabled=false} turns all of it off.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = PromptLayerProperties.PREFIX, name = "enabled", havingValue = "true",
        matchIfMissing = true)
@EnableConfigurationProperties(PromptLayerProperties.class)
public class PromptLayerAutoConfiguration {

    /** Not needed, nor its API key, when the application brings its own client. */
    @Bean
    @ConditionalOnMissingBean({PromptLayerConfig.class, PromptLayerClient.class})
    public PromptLayerConfig promptLayerConfig(PromptLayerProperties properties) {
        return CoreConfigs.client(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    public PromptLayerClient promptLayerClient(PromptLayerConfig config,
            ObjectProvider<PromptLayerClientCustomizer> customizers) {
        return PromptLayerClient.builder(config).customizers(customizers.orderedStream().toList()).build();
    }

    @Bean
    @ConditionalOnMissingBean
    public DeliveryConfig promptLayerDeliveryConfig(PromptLayerProperties properties) {
        return CoreConfigs.delivery(properties);
    }

    /** Closed with the context: close() delivers what is pending, up to the shutdown timeout. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public DeliveryEngine promptLayerDeliveryEngine(PromptLayerClient client, DeliveryConfig config,
            ObjectProvider<DeadLetterHandler> deadLetterHandler, ObjectProvider<DeliveryListener> listeners) {
        DeliveryEngine.Builder engine = DeliveryEngine.builder(client).config(config);
        deadLetterHandler.ifAvailable(engine::deadLetterHandler);
        listeners.orderedStream().forEach(engine::listener);
        return engine.build();
    }

    @Bean
    @ConditionalOnMissingBean
    public TrackingConfig promptLayerTrackingConfig(PromptLayerProperties properties) {
        return CoreConfigs.tracking(properties);
    }

    /** Where the LLM integrations (pltrack-spring-ai, pltrack-langchain4j) hand over the calls they see. */
    @Bean
    @ConditionalOnMissingBean
    public LlmCallLogger promptLayerLlmCallLogger(DeliveryEngine engine, PromptLayerProperties properties) {
        return LlmCallLogger.of(engine, CoreConfigs.logging(properties));
    }

    @Bean
    @ConditionalOnMissingBean
    public TrackMetadataHandler trackMetadataHandler(DeliveryEngine engine, TrackingConfig config,
            ObjectProvider<AsyncResultAdapter> asyncResultAdapters) {
        TrackMetadataHandler.Builder handler = TrackMetadataHandler.builder(engine::offer).config(config);
        asyncResultAdapters.orderedStream().forEach(handler::asyncResultAdapter);
        return handler.build();
    }

    /**
     * Static, as bean post-processors must be: it is created before the other beans and looks the
     * handler up on the first intercepted call.
     */
    @Bean
    @ConditionalOnMissingBean
    public static TrackMetadataBeanPostProcessor trackMetadataBeanPostProcessor(
            ObjectProvider<TrackMetadataHandler> handler, Environment environment) {
        TrackMetadataBeanPostProcessor postProcessor = new TrackMetadataBeanPostProcessor(handler);
        // Like Boot's own proxies: class-based unless the application asks for interface-based ones.
        postProcessor.setProxyTargetClass(
                environment.getProperty("spring.aop.proxy-target-class", Boolean.class, Boolean.TRUE));
        return postProcessor;
    }
}
