package dev.pltrack.spring.health.boot3;

import dev.pltrack.health.PltrackHealth;
import dev.pltrack.health.PltrackHealthCheck;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** Boot 3's view (spring-boot-actuator 3.x) of the core's {@link PltrackHealthCheck}: up or down, the reason, the details. */
public class PltrackBoot3HealthIndicator implements HealthIndicator {

    private final PltrackHealthCheck check;

    public PltrackBoot3HealthIndicator(PltrackHealthCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        PltrackHealth health = check.check();
        Health.Builder builder = health.up() ? Health.up() : Health.down().withDetail("reason", health.reason());
        return builder.withDetails(health.details()).build();
    }
}
