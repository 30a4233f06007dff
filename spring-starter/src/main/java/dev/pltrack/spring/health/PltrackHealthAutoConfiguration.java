package dev.pltrack.spring.health;

import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.health.PltrackHealthCheck;
import dev.pltrack.spring.PromptLayerAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code promptlayer} health indicator on Spring Boot 4 ({@code spring-boot-health}). Boot 3's
 * counterpart is {@link dev.pltrack.spring.health.boot3.PltrackBoot3HealthAutoConfiguration}; only
 * one of them finds its classes.
 */
@AutoConfiguration(after = PromptLayerAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(DeliveryEngine.class)
@ConditionalOnEnabledPltrackHealth
public class PltrackHealthAutoConfiguration {

    /** The bean name gives the indicator its name, {@code promptlayer}. */
    @Bean
    @ConditionalOnMissingBean(name = "promptlayerHealthIndicator")
    public PltrackHealthIndicator promptlayerHealthIndicator(DeliveryEngine engine) {
        return new PltrackHealthIndicator(new PltrackHealthCheck(engine));
    }
}
