package dev.pltrack.spring.aop;

import dev.pltrack.tracking.MethodAnalyzer;
import java.lang.reflect.Method;
import org.springframework.aop.support.StaticMethodMatcherPointcut;

/**
 * Matches the methods the core would track: {@code @TrackMetadata} on the method, a method it
 * overrides or implements, or the class or interface (the core's own lookup, so every module agrees).
 */
final class TrackMetadataPointcut extends StaticMethodMatcherPointcut {

    @Override
    public boolean matches(Method method, Class<?> targetClass) {
        return MethodAnalyzer.findAnnotation(method, targetClass).isPresent();
    }

    @Override
    public String toString() {
        return "TrackMetadataPointcut";
    }
}
