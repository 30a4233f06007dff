package dev.pltrack.quarkus.runtime;

import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.metrics.PltrackMeterBinder;
import dev.pltrack.tracking.TrackMetadataHandler;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The core's meters as a {@link MeterBinder} bean, which quarkus-micrometer binds to its registry.
 * Registered by the extension only when quarkus-micrometer is present.
 */
@Singleton
public class PltrackMetricsProducer {

    @Produces
    @Singleton
    MeterBinder pltrackMeterBinder(PromptLayerRuntimeConfig config, Instance<DeliveryEngine> engine,
            TrackMetadataHandler handler) {
        if (!config.enabled()) {
            return registry -> {
            };
        }
        return new PltrackMeterBinder(engine.get(), handler);
    }
}
