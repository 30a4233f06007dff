package dev.pltrack.spring.aop;

import dev.pltrack.TrackMetadata;
import dev.pltrack.tracking.MethodAnalyzer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code @TrackMetadata} methods of a bean class that no Spring proxy can intercept: private and
 * static ones (Micronaut and Quarkus refuse them at build time). Their calls never reach the advice,
 * so they are reported to the core at start-up instead.
 */
final class UnreachableMethods {

    private UnreachableMethods() {
    }

    static List<Method> of(Class<?> beanClass) {
        List<Method> unreachable = new ArrayList<>();
        if (!MethodAnalyzer.mayTrack(beanClass)) {
            return unreachable;
        }
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                int modifiers = method.getModifiers();
                if ((Modifier.isPrivate(modifiers) || Modifier.isStatic(modifiers))
                        && method.isAnnotationPresent(TrackMetadata.class)) {
                    unreachable.add(method);
                }
            }
        }
        return unreachable;
    }
}
