package dev.pltrack.spring.aop;

import dev.pltrack.tracking.MethodAnalyzer;
import java.lang.reflect.Method;
import org.springframework.aop.support.StaticMethodMatcherPointcut;

/**
 * Matches the methods the core would track: {@code @TrackMetadata} on the method, a method it
 * overrides or implements, or the class or interface (the core's own lookup, so every module agrees).
 *
 * <p>Every bean of the context is checked at start-up. The core's cheap class filter
 * ({@link MethodAnalyzer#mayTrack}) first skips the classes that have no {@code @TrackMetadata}
 * anywhere in their hierarchy, which is all of them in most applications but a few.
 */
final class TrackMetadataPointcut extends StaticMethodMatcherPointcut {

    TrackMetadataPointcut() {
        setClassFilter(MethodAnalyzer::mayTrack);
    }

    @Override
    public boolean matches(Method method, Class<?> targetClass) {
        return MethodAnalyzer.findAnnotation(method, targetClass).isPresent();
    }

    @Override
    public String toString() {
        return "TrackMetadataPointcut";
    }
}
