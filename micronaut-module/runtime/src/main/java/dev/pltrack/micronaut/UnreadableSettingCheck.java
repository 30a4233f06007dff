package dev.pltrack.micronaut;

import dev.pltrack.client.PromptLayerConfigurationException;
import io.micronaut.context.annotation.ConfigurationReader;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.naming.NameUtils;
import io.micronaut.core.type.Argument;
import io.micronaut.inject.BeanDefinition;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * Fails start-up on a {@code promptlayer.*} value that cannot be read as its type
 * ({@code promptlayer.delivery.max-in-flight=several}). Micronaut binds a record's components by constructor,
 * and there a value it cannot convert silently gives way to the component's default; this check walks
 * the constructor arguments of each settings record as it is created and names the property instead.
 * It reads the bean definition's compile-time arguments: no reflection, and no scan of the application's
 * bean introspections (which would cost its start-up). The value itself is not repeated: it could be a
 * key pasted into the wrong setting.
 */
@Singleton
@Requires(property = PromptLayerProperties.ENABLED, notEquals = "false")
final class UnreadableSettingCheck implements BeanCreatedEventListener<SettingsGroup> {

    private final Environment environment;

    UnreadableSettingCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public SettingsGroup onCreated(BeanCreatedEvent<SettingsGroup> event) {
        BeanDefinition<SettingsGroup> definition = event.getBeanDefinition();
        String prefix = definition.stringValue(ConfigurationReader.class, ConfigurationReader.PREFIX)
                .orElseThrow(() -> new IllegalStateException(definition.getBeanType() + " has no configuration prefix"));
        for (Argument<?> component : definition.getConstructor().getArguments()) {
            check(prefix + "." + NameUtils.hyphenate(component.getName()), component);
        }
        return event.getBean();
    }

    private void check(String property, Argument<?> component) {
        Class<?> type = component.getType();
        if (SettingsGroup.class.isAssignableFrom(type) // a group checks itself
                || type == Optional.class || Map.class.isAssignableFrom(type)
                || !environment.containsProperty(property)) {
            return;
        }
        ArgumentConversionContext<?> asType = ConversionContext.of(component);
        if (environment.getProperty(property, asType).isEmpty()) {
            throw new PromptLayerConfigurationException(property, property + " cannot be read as " + type.getSimpleName());
        }
    }
}
