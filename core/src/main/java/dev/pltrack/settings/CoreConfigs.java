package dev.pltrack.settings;

import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.llm.LlmLoggingConfig;
import dev.pltrack.tracking.TrackingConfig;
import java.util.List;

/**
 * Builds the core's configurations from the {@link PltrackSettings} a framework bound: the only
 * place where settings meet the builders. The builders check every value and name the property they
 * refuse; nothing is checked here.
 */
public final class CoreConfigs {

    private CoreConfigs() {
    }

    /**
     * @throws dev.pltrack.client.MissingApiKeyException            when no key is set
     * @throws dev.pltrack.client.PromptLayerConfigurationException when a setting is wrong; names it
     */
    public static PromptLayerConfig client(PltrackSettings settings) {
        PltrackSettings.Retry retry = settings.retry();
        return PromptLayerConfig.builder()
                .apiKey(settings.apiKey().orElse(null))
                .baseUrl(settings.baseUrl().orElse(null)) // blank means the default too
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .allowInsecureHttp(settings.allowInsecureHttp())
                .httpLogging(settings.httpLogging())
                .retryPolicy(new RetryPolicy(retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff()))
                .build();
    }

    /** @throws dev.pltrack.client.PromptLayerConfigurationException when a setting is wrong; names it */
    public static DeliveryConfig delivery(PltrackSettings settings) {
        PltrackSettings.Delivery delivery = settings.delivery();
        return DeliveryConfig.builder()
                .queueCapacity(delivery.queueCapacity())
                .workers(delivery.workers().orElse(null))
                .maxInFlight(delivery.maxInFlight())
                .minInFlight(delivery.minInFlight())
                .overflowPolicy(delivery.overflowPolicy())
                .blockTimeout(delivery.blockTimeout())
                .shutdownTimeout(delivery.shutdownTimeout())
                .linger(delivery.linger())
                .closeOnExit(delivery.closeOnExit())
                .maxAge(delivery.maxAge())
                .build();
    }

    /** @throws dev.pltrack.client.PromptLayerConfigurationException when a metadata default is wrong */
    public static TrackingConfig tracking(PltrackSettings settings) {
        return TrackingConfig.builder()
                .enabled(settings.enabled())
                .strict(settings.strict())
                .defaultMetadata(settings.metadata())
                .build();
    }

    /** @throws dev.pltrack.client.PromptLayerConfigurationException when a setting is wrong; names it */
    public static LlmLoggingConfig logging(PltrackSettings settings) {
        PltrackSettings.Logging logging = settings.logging();
        return LlmLoggingConfig.builder()
                .enabled(logging.enabled())
                .includePrompt(logging.includePrompt())
                .includeCompletion(logging.includeCompletion())
                .tags(logging.tags().orElse(List.of()))
                .maxContentLength(logging.maxContentLength())
                .build();
    }
}
