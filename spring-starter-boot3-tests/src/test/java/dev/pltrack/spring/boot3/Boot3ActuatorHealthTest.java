package dev.pltrack.spring.boot3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.spring.PromptLayerAutoConfiguration;
import dev.pltrack.spring.health.PltrackHealthAutoConfiguration;
import dev.pltrack.spring.health.boot3.PltrackBoot3HealthAutoConfiguration;
import dev.pltrack.spring.health.boot3.PltrackBoot3HealthIndicator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Boot 3 only: Actuator 3.5's health endpoint reports the starter's indicator as {@code promptlayer},
 * and the Boot 4 configuration stays out of the way.
 */
class Boot3ActuatorHealthTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PromptLayerAutoConfiguration.class,
                    PltrackHealthAutoConfiguration.class, PltrackBoot3HealthAutoConfiguration.class,
                    EndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
                    HealthEndpointAutoConfiguration.class))
            .withPropertyValues("promptlayer.api-key=pl_boot3_health_key", "management.endpoint.health.show-details=always");

    @Test
    void theHealthEndpointShowsPromptlayer() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansOfType(HealthIndicator.class))
                    .containsOnlyKeys("promptlayerHealthIndicator", "pingHealthContributor")
                    .hasEntrySatisfying("promptlayerHealthIndicator",
                            indicator -> assertThat(indicator).isInstanceOf(PltrackBoot3HealthIndicator.class));
            Health health = (Health) context.getBean(HealthEndpoint.class).healthForPath("promptlayer");
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("capacity", 10_000);
            assertThat(health.getDetails().toString()).doesNotContain("pl_boot3_health_key");
            assertThat(Map.copyOf(health.getDetails())).doesNotContainKey("reason");
        });
    }
}
