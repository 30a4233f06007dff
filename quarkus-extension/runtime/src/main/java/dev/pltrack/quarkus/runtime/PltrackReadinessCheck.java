package dev.pltrack.quarkus.runtime;

import dev.pltrack.delivery.DeliveryEngine;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.Readiness;

/**
 * pltrack's health as a readiness check, with {@code promptlayer.build.readiness-check=true}: a refused
 * API key or a nearly full queue then takes the application out of rotation. Not the default, since
 * an observability side channel should not make a working application unready.
 */
@Readiness
@Singleton // not normal-scoped: no client proxy, so the superclass needs no no-args constructor
public class PltrackReadinessCheck extends PltrackCheck {

    @Inject
    public PltrackReadinessCheck(PromptLayerRuntimeConfig config, Instance<DeliveryEngine> engine) {
        super(config, engine);
    }
}
