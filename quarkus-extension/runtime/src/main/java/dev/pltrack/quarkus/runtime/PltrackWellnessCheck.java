package dev.pltrack.quarkus.runtime;

import dev.pltrack.delivery.DeliveryEngine;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * pltrack's health as a wellness check (SmallRye Health's {@code /q/health/well}), the default: shown
 * beside the application's health, never making the application unready or dead.
 */
@Wellness
@Singleton // not normal-scoped: no client proxy, so the superclass needs no no-args constructor
public class PltrackWellnessCheck extends PltrackCheck {

    @Inject
    public PltrackWellnessCheck(PromptLayerRuntimeConfig config, Instance<DeliveryEngine> engine) {
        super(config, engine);
    }
}
