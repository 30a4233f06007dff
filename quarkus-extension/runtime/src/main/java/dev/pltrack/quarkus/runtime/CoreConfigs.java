package dev.pltrack.quarkus.runtime;

import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.tracking.TrackingConfig;

/**
 * Turns the Quarkus settings into the core's three configurations. The core checks every value and
 * names the property it rejects; nothing is checked twice here.
 */
final class CoreConfigs {

    private CoreConfigs() {
    }

    static TrackingConfig tracking(PromptLayerRuntimeConfig config) {
        return TrackingConfig.builder()
                .enabled(config.enabled())
                .strict(config.strict())
                .defaultMetadata(config.metadata())
                .build();
    }

    /** @throws dev.pltrack.client.MissingApiKeyException when no key is set */
    static PromptLayerConfig client(PromptLayerRuntimeConfig config) {
        PromptLayerRuntimeConfig.Retry retry = config.retry();
        PromptLayerConfig.Builder builder = PromptLayerConfig.builder();
        config.baseUrl().ifPresent(builder::baseUrl);
        return builder
                .apiKey(config.apiKey().orElse(null))
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .allowInsecureHttp(config.allowInsecureHttp())
                .httpLogging(config.httpLogging())
                .retryPolicy(new RetryPolicy(retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff()))
                .build();
    }

    static DeliveryConfig delivery(PromptLayerRuntimeConfig config) {
        PromptLayerRuntimeConfig.Delivery delivery = config.delivery();
        return DeliveryConfig.builder()
                .queueCapacity(delivery.queueCapacity())
                .workers(delivery.workers())
                .overflowPolicy(delivery.overflowPolicy())
                .blockTimeout(delivery.blockTimeout())
                .shutdownTimeout(delivery.shutdownTimeout())
                .linger(delivery.linger())
                .build();
    }
}
