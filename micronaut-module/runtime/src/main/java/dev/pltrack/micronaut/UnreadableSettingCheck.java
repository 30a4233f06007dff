package dev.pltrack.micronaut;

import dev.pltrack.client.PromptLayerConfigurationException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.naming.NameUtils;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * Fails start-up on a {@code promptlayer.*} value that cannot be read as its type
 * ({@code promptlayer.delivery.max-in-flight=several}). Micronaut binds a record's components by constructor,
 * and there a value it cannot convert silently gives way to the component's default; this check walks
 * the record's components (its compile-time introspection, no reflection) and names the property
 * instead. The value itself is not repeated: it could be a key pasted into the wrong setting.
 */
@Singleton
@Requires(property = PromptLayerProperties.ENABLED, notEquals = "false")
final class UnreadableSettingCheck implements BeanCreatedEventListener<PromptLayerProperties> {

    private final Environment environment;

    UnreadableSettingCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public PromptLayerProperties onCreated(BeanCreatedEvent<PromptLayerProperties> event) {
        check(PromptLayerProperties.PREFIX, PromptLayerProperties.class);
        return event.getBean();
    }

    private void check(String prefix, Class<?> settingsType) {
        for (Argument<?> component : BeanIntrospection.getIntrospection(settingsType).getConstructorArguments()) {
            String property = prefix + "." + NameUtils.hyphenate(component.getName());
            Class<?> type = component.getType();
            if (BeanIntrospector.SHARED.findIntrospection(type).isPresent()) {
                check(property, type);
            } else if (type != Optional.class && !Map.class.isAssignableFrom(type)
                    && environment.containsProperty(property)) {
                ArgumentConversionContext<?> asType = ConversionContext.of(component);
                if (environment.getProperty(property, asType).isEmpty()) {
                    throw new PromptLayerConfigurationException(property,
                            property + " cannot be read as " + type.getSimpleName());
                }
            }
        }
    }
}
