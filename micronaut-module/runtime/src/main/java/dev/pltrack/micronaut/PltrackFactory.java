package dev.pltrack.micronaut;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerClientCustomizer;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.delivery.DeadLetterHandler;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.delivery.DeliveryListener;
import dev.pltrack.llm.LlmCallLogger;
import dev.pltrack.settings.CoreConfigs;
import dev.pltrack.tracking.AsyncResultAdapter;
import dev.pltrack.tracking.TrackMetadataHandler;
import dev.pltrack.tracking.TrackingConfig;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * pltrack's beans, built at compile time like every Micronaut bean: the core's three configurations,
 * the client, the delivery engine and the {@code @TrackMetadata} handler. Each one steps aside when the
 * application defines its own bean of that type ({@code @Requires(missingBeans = ...)}), so a user
 * replaces any of them by declaring one; the others are then built on it.
 *
 * <p>The engine is a {@link Context} bean: it is built when the application starts, so a missing API
 * key or a wrong setting fails start-up (with the core's message, which names the property), and it
 * is closed when the application stops, which delivers what is pending within
 * {@code promptlayer.delivery.shutdown-timeout}.
 */
@Factory
@Requires(property = PromptLayerProperties.ENABLED, notEquals = "false")
public class PltrackFactory {

    /** The client's settings; the core checks them (a key is required, timeouts positive, ...). */
    @Singleton
    @Requires(missingBeans = PromptLayerConfig.class)
    PromptLayerConfig promptLayerConfig(PromptLayerProperties properties) {
        return CoreConfigs.client(properties);
    }

    @Singleton
    @Requires(missingBeans = DeliveryConfig.class)
    DeliveryConfig deliveryConfig(PromptLayerProperties properties) {
        return CoreConfigs.delivery(properties);
    }

    @Singleton
    @Requires(missingBeans = TrackingConfig.class)
    TrackingConfig trackingConfig(PromptLayerProperties properties) {
        return CoreConfigs.tracking(properties);
    }

    @Singleton
    @Requires(missingBeans = PromptLayerClient.class)
    PromptLayerClient promptLayerClient(PromptLayerConfig config, List<PromptLayerClientCustomizer> customizers) {
        return PromptLayerClient.builder(config).customizers(customizers).build();
    }

    /**
     * Started with the application; closed with it. A {@link DeadLetterHandler} bean, if the application
     * has one, receives what could not be delivered; every {@link DeliveryListener} bean hears the
     * engine's events.
     */
    @Context
    @Bean(preDestroy = "close")
    @Requires(missingBeans = DeliveryEngine.class)
    DeliveryEngine deliveryEngine(PromptLayerClient client, DeliveryConfig config,
            @Nullable DeadLetterHandler deadLetterHandler, List<DeliveryListener> listeners) {
        DeliveryEngine.Builder builder = DeliveryEngine.builder(client).config(config);
        if (deadLetterHandler != null) {
            builder.deadLetterHandler(deadLetterHandler);
        }
        listeners.forEach(builder::listener);
        return builder.build();
    }

    /**
     * Where the LLM integrations (pltrack-langchain4j) hand over the calls they see. Made at start-up,
     * so that a wrong {@code promptlayer.logging.*} setting fails it.
     */
    @Context
    @Requires(missingBeans = LlmCallLogger.class)
    LlmCallLogger llmCallLogger(DeliveryEngine engine, PromptLayerProperties properties) {
        return LlmCallLogger.of(engine, CoreConfigs.logging(properties));
    }

    /** What {@code @TrackMetadata} calls run through; {@link AsyncResultAdapter} beans add return types. */
    @Singleton
    @Requires(missingBeans = TrackMetadataHandler.class)
    TrackMetadataHandler trackMetadataHandler(DeliveryEngine engine, TrackingConfig config,
            List<AsyncResultAdapter> asyncResultAdapters) {
        TrackMetadataHandler.Builder builder = TrackMetadataHandler.builder(engine::offer).config(config);
        asyncResultAdapters.forEach(builder::asyncResultAdapter);
        return builder.build();
    }
}
