package dev.pltrack.spring.health.boot3;

import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.health.PltrackHealthCheck;
import dev.pltrack.spring.PromptLayerAutoConfiguration;
import dev.pltrack.spring.health.ConditionalOnEnabledPltrackHealth;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code promptlayer} health indicator on Spring Boot 3 ({@code spring-boot-actuator} 3.x). Boot 4
 * moved the health API to {@code spring-boot-health}: there
 * {@link dev.pltrack.spring.health.PltrackHealthAutoConfiguration} applies and this one does not.
 */
@AutoConfiguration(after = PromptLayerAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
@ConditionalOnBean(DeliveryEngine.class)
@ConditionalOnEnabledPltrackHealth
public class PltrackBoot3HealthAutoConfiguration {

    /** The bean name gives the indicator its name, {@code promptlayer}. */
    @Bean
    @ConditionalOnMissingBean(name = "promptlayerHealthIndicator")
    public PltrackBoot3HealthIndicator promptlayerHealthIndicator(DeliveryEngine engine) {
        return new PltrackBoot3HealthIndicator(new PltrackHealthCheck(engine));
    }
}
