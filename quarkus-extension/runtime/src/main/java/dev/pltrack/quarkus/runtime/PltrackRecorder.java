package dev.pltrack.quarkus.runtime;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.tracking.TrackMetadataHandler;
import io.quarkus.arc.ActiveResult;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;
import java.util.function.Supplier;

/** Builds pltrack's beans from the run-time configuration when the application starts. */
@Recorder
public class PltrackRecorder {

    private final RuntimeValue<PromptLayerRuntimeConfig> config;

    public PltrackRecorder(RuntimeValue<PromptLayerRuntimeConfig> config) {
        this.config = config;
    }

    /**
     * Builds the client, the engine and the handler now, so that a missing key or a wrong setting
     * fails start-up; the engine is closed (flushing what is pending) after the beans are destroyed.
     */
    public RuntimeValue<PltrackComponents> start(ShutdownContext shutdown) {
        PltrackComponents components = PltrackComponents.start(config.getValue());
        shutdown.addLastShutdownTask(components::close);
        return new RuntimeValue<>(components);
    }

    public Supplier<TrackMetadataHandler> handler(RuntimeValue<PltrackComponents> components) {
        return () -> components.getValue().handler();
    }

    public Supplier<PromptLayerClient> client(RuntimeValue<PltrackComponents> components) {
        return () -> components.getValue().client().orElseThrow(PltrackRecorder::disabled);
    }

    public Supplier<DeliveryEngine> engine(RuntimeValue<PltrackComponents> components) {
        return () -> components.getValue().engine().orElseThrow(PltrackRecorder::disabled);
    }

    /** The client and the engine exist only while tracking is enabled. */
    public Supplier<ActiveResult> activeWhenEnabled() {
        return () -> config.getValue().enabled()
                ? ActiveResult.active()
                : ActiveResult.inactive("promptlayer.enabled=false: pltrack has no client and no delivery engine");
    }

    private static IllegalStateException disabled() {
        return new IllegalStateException("promptlayer.enabled=false: pltrack has no client and no delivery engine");
    }
}
