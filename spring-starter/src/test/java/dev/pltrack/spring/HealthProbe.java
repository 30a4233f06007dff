package dev.pltrack.spring;

import java.lang.reflect.Method;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/**
 * Reads the {@code promptlayer} health indicator the way Actuator does, without naming Boot 3's or
 * Boot 4's health types: these tests run against both.
 */
record HealthProbe(String status, Map<String, Object> details) {

    static final String BEAN_NAME = "promptlayerHealthIndicator";

    @SuppressWarnings("unchecked")
    static HealthProbe of(ApplicationContext context) throws ReflectiveOperationException {
        Object indicator = context.getBean(BEAN_NAME);
        Object health = call(indicator, "health");
        return new HealthProbe(call(health, "getStatus").toString(), (Map<String, Object>) call(health, "getDetails"));
    }

    private static Object call(Object target, String name) throws ReflectiveOperationException {
        Method method = target.getClass().getMethod(name);
        method.setAccessible(true);
        return method.invoke(target);
    }
}
