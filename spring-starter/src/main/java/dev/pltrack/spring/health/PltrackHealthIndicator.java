package dev.pltrack.spring.health;

import dev.pltrack.health.PltrackHealth;
import dev.pltrack.health.PltrackHealthCheck;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Boot 4's view of the core's {@link PltrackHealthCheck}: up or down, the reason, the details. */
public class PltrackHealthIndicator implements HealthIndicator {

    private final PltrackHealthCheck check;

    public PltrackHealthIndicator(PltrackHealthCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        PltrackHealth health = check.check();
        Health.Builder builder = health.up() ? Health.up() : Health.down().withDetail("reason", health.reason());
        return builder.withDetails(health.details()).build();
    }
}
