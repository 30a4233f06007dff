package dev.pltrack.spring.metrics;

import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.metrics.PltrackMeterBinder;
import dev.pltrack.spring.PromptLayerAutoConfiguration;
import dev.pltrack.tracking.TrackMetadataHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The core's {@code pltrack.*} meters, when Micrometer is on the classpath: a {@code MeterBinder}
 * bean, which Boot's metrics support binds to every registry.
 */
@AutoConfiguration(after = PromptLayerAutoConfiguration.class)
@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
@ConditionalOnBean(DeliveryEngine.class)
public class PltrackMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public PltrackMeterBinder pltrackMeterBinder(DeliveryEngine engine, ObjectProvider<TrackMetadataHandler> handler) {
        return new PltrackMeterBinder(engine, handler.getIfAvailable());
    }
}
