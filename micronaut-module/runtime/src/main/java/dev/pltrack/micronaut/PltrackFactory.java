package dev.pltrack.micronaut;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.delivery.DeadLetterHandler;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.delivery.DeliveryListener;
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
        PromptLayerProperties.Retry retry = properties.getRetry();
        PromptLayerConfig.Builder builder = PromptLayerConfig.builder()
                .apiKey(properties.getApiKey())
                .connectTimeout(properties.getConnectTimeout())
                .readTimeout(properties.getReadTimeout())
                .baseUrl(properties.getBaseUrl()) // blank means the default, as in the core
                .retryPolicy(new RetryPolicy(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff()));
        if (properties.getAllowInsecureHttp() != null) {
            builder.allowInsecureHttp(properties.getAllowInsecureHttp());
        }
        if (properties.getHttpLogging() != null) {
            builder.httpLogging(properties.getHttpLogging());
        }
        return builder.build();
    }

    @Singleton
    @Requires(missingBeans = DeliveryConfig.class)
    DeliveryConfig deliveryConfig(PromptLayerProperties properties) {
        PromptLayerProperties.Delivery delivery = properties.getDelivery();
        return DeliveryConfig.builder()
                .queueCapacity(delivery.getQueueCapacity())
                .workers(delivery.getWorkers())
                .overflowPolicy(delivery.getOverflowPolicy())
                .blockTimeout(delivery.getBlockTimeout())
                .shutdownTimeout(delivery.getShutdownTimeout())
                .linger(delivery.getLinger())
                .build();
    }

    @Singleton
    @Requires(missingBeans = TrackingConfig.class)
    TrackingConfig trackingConfig(PromptLayerProperties properties) {
        return TrackingConfig.builder()
                .enabled(properties.isEnabled())
                .strict(properties.isStrict())
                .defaultMetadata(properties.getMetadata())
                .build();
    }

    @Singleton
    @Requires(missingBeans = PromptLayerClient.class)
    PromptLayerClient promptLayerClient(PromptLayerConfig config) {
        return PromptLayerClient.create(config);
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
