package dev.pltrack.quarkus.runtime;

import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.health.PltrackHealth;
import dev.pltrack.health.PltrackHealthCheck;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The core's {@link PltrackHealthCheck} as a MicroProfile health check named {@code promptlayer}:
 * the mapping both {@link PltrackWellnessCheck} (the default) and {@link PltrackReadinessCheck} (with
 * {@code promptlayer.build.readiness-check=true}) share. Disabled tracking is up, and says so.
 */
public abstract class PltrackCheck implements HealthCheck {

    static final String NAME = "promptlayer";

    private final PltrackHealthCheck check;

    protected PltrackCheck(PromptLayerRuntimeConfig config, Instance<DeliveryEngine> engine) {
        this.check = config.enabled() ? new PltrackHealthCheck(engine.get()) : null;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if (check == null) {
            return response.up().withData("enabled", false).build();
        }
        PltrackHealth health = check.check();
        response.status(health.up());
        if (health.reason() != null) {
            response.withData("reason", health.reason());
        }
        for (Map.Entry<String, Object> detail : health.details().entrySet()) {
            Object value = detail.getValue();
            if (value instanceof Boolean flag) {
                response.withData(detail.getKey(), flag);
            } else if (value instanceof Long || value instanceof Integer) {
                response.withData(detail.getKey(), ((Number) value).longValue());
            } else {
                response.withData(detail.getKey(), String.valueOf(value));
            }
        }
        return response.build();
    }
}
