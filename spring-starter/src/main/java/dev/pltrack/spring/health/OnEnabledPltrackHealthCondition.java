package dev.pltrack.spring.health;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** See {@link ConditionalOnEnabledPltrackHealth}. */
class OnEnabledPltrackHealthCondition extends SpringBootCondition {

    static final String ENABLED_PROPERTY = "management.health.promptlayer.enabled";
    static final String DEFAULTS_PROPERTY = "management.health.defaults.enabled";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        Boolean specific = environment.getProperty(ENABLED_PROPERTY, Boolean.class);
        if (specific != null) {
            return new ConditionOutcome(specific, ENABLED_PROPERTY + " is " + specific);
        }
        boolean defaults = environment.getProperty(DEFAULTS_PROPERTY, Boolean.class, Boolean.TRUE);
        return new ConditionOutcome(defaults, DEFAULTS_PROPERTY + " is " + defaults);
    }
}
