package dev.pltrack.spring.aop;

import dev.pltrack.TrackMetadata;
import dev.pltrack.tracking.MethodAnalyzer;
import java.lang.reflect.Method;
import org.springframework.aop.support.StaticMethodMatcherPointcut;

/**
 * Matches the methods the core would track: {@code @TrackMetadata} on the method, a method it
 * overrides or implements, or the class or interface (the core's own lookup, so every module agrees).
 *
 * <p>Every bean of the context is checked at start-up. A cheap class filter first skips the classes
 * that have no {@code @TrackMetadata} anywhere in their hierarchy, which is all of them in most
 * applications but a few.
 */
final class TrackMetadataPointcut extends StaticMethodMatcherPointcut {

    TrackMetadataPointcut() {
        setClassFilter(TrackMetadataPointcut::mentionsTrackMetadata);
    }

    @Override
    public boolean matches(Method method, Class<?> targetClass) {
        return MethodAnalyzer.findAnnotation(method, targetClass).isPresent();
    }

    /**
     * Whether {@code @TrackMetadata} sits on the class, a superclass or an interface, or on a method
     * one of them declares: everywhere the core's lookup may find it.
     */
    static boolean mentionsTrackMetadata(Class<?> type) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            if (declares(current)) {
                return true;
            }
            for (Class<?> implemented : current.getInterfaces()) {
                if (mentionsTrackMetadata(implemented)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean declares(Class<?> type) {
        if (type.isAnnotationPresent(TrackMetadata.class)) {
            return true;
        }
        for (Method method : type.getDeclaredMethods()) {
            if (method.isAnnotationPresent(TrackMetadata.class)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "TrackMetadataPointcut";
    }
}
