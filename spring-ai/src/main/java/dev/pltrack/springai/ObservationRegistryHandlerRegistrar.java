package dev.pltrack.springai;

import io.micrometer.observation.ObservationRegistry;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Adds the PromptLayer handler to every {@link ObservationRegistry} bean once it is initialised,
 * whoever made it (Boot's observation auto-configuration on Boot 3 or 4, or the application). The
 * handler is not a bean of type {@code ObservationHandler}, so Boot's own registration never adds it
 * a second time.
 */
final class ObservationRegistryHandlerRegistrar implements BeanPostProcessor {

    private final ObjectProvider<PromptLayerChatObservationHandler> handler;
    private final Map<ObservationRegistry, Boolean> done = Collections.synchronizedMap(new WeakHashMap<>());

    ObservationRegistryHandlerRegistrar(ObjectProvider<PromptLayerChatObservationHandler> handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof ObservationRegistry registry && registry != ObservationRegistry.NOOP
                && done.putIfAbsent(registry, Boolean.TRUE) == null) {
            PromptLayerChatObservationHandler chatHandler = handler.getIfAvailable();
            if (chatHandler != null) {
                registry.observationConfig().observationHandler(chatHandler);
            }
        }
        return bean;
    }
}
