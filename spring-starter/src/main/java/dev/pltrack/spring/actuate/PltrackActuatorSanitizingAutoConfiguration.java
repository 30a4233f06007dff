package dev.pltrack.spring.actuate;

import dev.pltrack.spring.PromptLayerProperties;
import java.util.Optional;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Contributes {@link PltrackApiKeySanitizingFunction} to Actuator's {@code configprops} and {@code env}
 * endpoints. {@code SanitizingFunction} is {@code org.springframework.boot.actuate.endpoint.SanitizingFunction}
 * in {@code spring-boot-actuator} on Boot 4 and on Boot 3.5 alike, so one configuration serves both. It
 * applies with {@code promptlayer.enabled=false} too: the key may still be set.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
public class PltrackActuatorSanitizingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "pltrackApiKeySanitizingFunction")
    public PltrackApiKeySanitizingFunction pltrackApiKeySanitizingFunction(ConfigurableEnvironment environment) {
        // Bound when a value is sanitized, as the starter binds it: every source, relaxed names.
        return new PltrackApiKeySanitizingFunction(() -> Optional.ofNullable(Binder.get(environment)
                .bind(PromptLayerProperties.PREFIX + ".api-key", String.class).orElse(null)));
    }
}
