package dev.pltrack.micronaut.health;

import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.health.PltrackHealth;
import dev.pltrack.health.PltrackHealthCheck;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * The {@code promptlayer} entry of Micronaut's health endpoint (micronaut-management): the core's
 * {@link PltrackHealthCheck} mapped onto Micronaut's types, {@code DOWN} when the engine is closed,
 * PromptLayer refused the key recently or the queue is nearly full, with the reason and the engine's
 * counters as details (never the key). Off with {@code endpoints.health.promptlayer.enabled=false}.
 */
@Singleton
@Requires(classes = HealthIndicator.class)
@Requires(beans = DeliveryEngine.class)
@Requires(property = PltrackHealthIndicator.ENABLED, notEquals = "false")
public class PltrackHealthIndicator implements HealthIndicator {

    public static final String NAME = "promptlayer"; // as in the Spring and Quarkus modules
    public static final String ENABLED = "endpoints.health.promptlayer.enabled";

    private final PltrackHealthCheck check;

    public PltrackHealthIndicator(DeliveryEngine engine) {
        this.check = new PltrackHealthCheck(engine);
    }

    @Override
    public Publisher<HealthResult> getResult() {
        PltrackHealth health = check.check();
        Map<String, Object> details = new LinkedHashMap<>();
        if (!health.up()) {
            details.put("reason", health.reason());
        }
        details.putAll(health.details());
        return Publishers.just(HealthResult.builder(NAME, health.up() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details)
                .build());
    }
}
