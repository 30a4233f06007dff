package dev.pltrack.micronaut.metrics;

import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.metrics.PltrackMeterBinder;
import dev.pltrack.tracking.TrackMetadataHandler;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * pltrack's Micrometer meters ({@code pltrack.tracks.*}, {@code pltrack.queue.*}, {@code pltrack.calls},
 * ...) when the application has micronaut-micrometer: the core's {@link PltrackMeterBinder} as a
 * {@code MeterBinder} bean, which micronaut-micrometer binds to its registries. Off with
 * {@code micronaut.metrics.enabled=false}, like Micronaut's own binders.
 */
@Factory
@Requires(classes = io.micrometer.core.instrument.binder.MeterBinder.class)
@Requires(classes = io.micronaut.configuration.metrics.aggregator.CompositeMeterRegistryConfigurer.class)
@Requires(property = "micronaut.metrics.enabled", notEquals = "false")
@Requires(beans = DeliveryEngine.class)
public class PltrackMetricsFactory {

    @Singleton
    @Requires(missingBeans = PltrackMeterBinder.class)
    PltrackMeterBinder pltrackMeterBinder(DeliveryEngine engine, @Nullable TrackMetadataHandler handler) {
        return new PltrackMeterBinder(engine, handler);
    }
}
