package dev.pltrack.quarkus.runtime;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.tracking.TrackMetadataHandler;
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
        TrackMetadataHandler.Builder handler;
        if (!config.enabled()) {
            handler = TrackMetadataHandler.builder(request -> false);
            return new PltrackComponents(null, null, withAdapters(handler, config).build());
        }
        PromptLayerClient client = PromptLayerClient.create(CoreConfigs.client(config));
        DeliveryEngine engine = DeliveryEngine.builder(client).config(CoreConfigs.delivery(config)).build();
        handler = TrackMetadataHandler.builder(engine::offer);
        return new PltrackComponents(client, engine, withAdapters(handler, config).build());
    }

    private static TrackMetadataHandler.Builder withAdapters(TrackMetadataHandler.Builder handler,
            PromptLayerRuntimeConfig config) {
        return handler.config(CoreConfigs.tracking(config)).asyncResultAdapter(new UniResultAdapter());
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
