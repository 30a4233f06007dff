package dev.pltrack.quarkus.runtime;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.settings.CoreConfigs;
import dev.pltrack.tracking.TrackMetadataHandler;
import dev.pltrack.tracking.TrackSink;
import dev.pltrack.tracking.TrackingConfig;
import java.util.Optional;

/**
 * The client, the delivery engine and the handler of one application, built together when it
 * starts. Disabled ({@code promptlayer.enabled=false}): no client, no engine, and a handler that lets
 * every call through untouched. Public for the recorder only; applications inject the beans.
 */
public final class PltrackComponents {

    private final PromptLayerClient client;
    private final DeliveryEngine engine;
    private final TrackMetadataHandler handler;

    private PltrackComponents(PromptLayerClient client, DeliveryEngine engine, TrackMetadataHandler handler) {
        this.client = client;
        this.engine = engine;
        this.handler = handler;
    }

    /**
     * @throws dev.pltrack.client.MissingApiKeyException            enabled without a key
     * @throws dev.pltrack.client.PromptLayerConfigurationException a setting is wrong; names it
     */
    static PltrackComponents start(PromptLayerRuntimeConfig config) {
        // Every setting is checked before a sender thread starts, so a wrong one leaves nothing running.
        TrackingConfig tracking = CoreConfigs.tracking(config);
        if (!tracking.enabled()) {
            return new PltrackComponents(null, null, handler(request -> false, tracking));
        }
        PromptLayerConfig clientConfig = CoreConfigs.client(config);
        DeliveryConfig deliveryConfig = CoreConfigs.delivery(config);
        PromptLayerClient client = PromptLayerClient.create(clientConfig);
        DeliveryEngine engine = DeliveryEngine.builder(client).config(deliveryConfig).build();
        return new PltrackComponents(client, engine, handler(engine::offer, tracking));
    }

    private static TrackMetadataHandler handler(TrackSink sink, TrackingConfig tracking) {
        return TrackMetadataHandler.builder(sink).config(tracking).asyncResultAdapter(new UniResultAdapter()).build();
    }

    Optional<PromptLayerClient> client() {
        return Optional.ofNullable(client);
    }

    Optional<DeliveryEngine> engine() {
        return Optional.ofNullable(engine);
    }

    TrackMetadataHandler handler() {
        return handler;
    }

    /** Flushes what is pending, up to {@code promptlayer.delivery.shutdown-timeout}. */
    void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
