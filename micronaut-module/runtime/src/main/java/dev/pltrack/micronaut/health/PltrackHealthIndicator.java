package dev.pltrack.micronaut.health;

import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.health.PltrackHealth;
import dev.pltrack.health.PltrackHealthCheck;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
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
 * {@link PltrackHealthCheck} mapped onto Micronaut's types, with the reason and the engine's counters
 * as details (never the key). Off with {@code endpoints.health.promptlayer.enabled=false}.
 *
 * <p>Micronaut's {@code /health/readiness} aggregates every indicator not marked {@code @Liveness}, so
 * a {@code DOWN} here would take a working application out of rotation because an observability side
 * channel failed. By default a problem is therefore reported as {@link #DEGRADED}: visible in
 * {@code /health} and {@code /health/readiness}, but operational, so both keep answering 200.
 * {@code endpoints.health.promptlayer.readiness-check=true} reports {@code DOWN} instead (503), for
 * those who want tracking to gate readiness.
 */
@Singleton
@Requires(classes = HealthIndicator.class)
@Requires(beans = DeliveryEngine.class)
@Requires(property = PltrackHealthIndicator.ENABLED, notEquals = "false")
public class PltrackHealthIndicator implements HealthIndicator {

    public static final String NAME = "promptlayer"; // as in the Spring and Quarkus modules
    public static final String ENABLED = "endpoints.health.promptlayer.enabled";
    /** As Quarkus' {@code promptlayer.build.readiness-check}: whether a problem makes the application unready. */
    public static final String READINESS_CHECK = "endpoints.health.promptlayer.readiness-check";
    /**
     * Tracks are not reaching PromptLayer; the application itself is fine. Neither operational nor
     * not: Micronaut then ranks it above UP and below DOWN when it aggregates, and answers 200 for it.
     */
    public static final HealthStatus DEGRADED = new HealthStatus("DEGRADED",
            "tracks are not reaching PromptLayer; the application is unaffected", null, 500);

    private final PltrackHealthCheck check;
    private final HealthStatus problem;

    public PltrackHealthIndicator(DeliveryEngine engine, @Value("${" + READINESS_CHECK + ":false}") boolean readinessCheck) {
        this.check = new PltrackHealthCheck(engine);
        this.problem = readinessCheck ? HealthStatus.DOWN : DEGRADED;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        PltrackHealth health = check.check();
        Map<String, Object> details = new LinkedHashMap<>();
        if (!health.up()) {
            details.put("reason", health.reason());
        }
        details.putAll(health.details());
        return Publishers.just(HealthResult.builder(NAME, health.up() ? HealthStatus.UP : problem)
                .details(details)
                .build());
    }
}
