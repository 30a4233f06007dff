package dev.pltrack.spring.health;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Boot's rule for a health indicator, for the {@code promptlayer} one on Boot 3 and Boot 4 alike
 * (Boot's own annotation for it moved between the two): on unless
 * {@code management.health.promptlayer.enabled=false}, or, when that is not set,
 * {@code management.health.defaults.enabled=false}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(OnEnabledPltrackHealthCondition.class)
public @interface ConditionalOnEnabledPltrackHealth {
}
