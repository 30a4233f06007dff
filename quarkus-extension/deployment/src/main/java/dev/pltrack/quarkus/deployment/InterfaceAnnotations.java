package dev.pltrack.quarkus.deployment;

import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * CDI never carries interceptor bindings from an interface to the beans that implement it, while
 * the core honours {@code @TrackMetadata} on an interface (on a method, or on the interface for its
 * methods). This finds the bean methods that implement such interface methods, so that the binding
 * can be added to them; at run time the handler still reads the interface's own annotation.
 */
final class InterfaceAnnotations {

    private InterfaceAnnotations() {
    }

    /** Keys ({@link #key(MethodInfo)}) of the class methods that implement an annotated interface method. */
    static Set<String> implementingMethods(IndexView index) {
        Set<String> keys = new HashSet<>();
        for (AnnotationInstance annotation : index.getAnnotations(AnnotationUsageCheck.TRACK_METADATA)) {
            AnnotationTarget target = annotation.target();
            if (target.kind() == AnnotationTarget.Kind.METHOD && target.asMethod().declaringClass().isInterface()) {
                addImplementations(index, target.asMethod().declaringClass(), List.of(target.asMethod()), keys);
            } else if (target.kind() == AnnotationTarget.Kind.CLASS && target.asClass().isInterface()) {
                List<MethodInfo> abstractMethods = target.asClass().methods().stream()
                        .filter(method -> !Modifier.isStatic(method.flags()) && !method.isDefault())
                        .toList();
                addImplementations(index, target.asClass(), abstractMethods, keys);
            }
        }
        return keys;
    }

    private static void addImplementations(IndexView index, ClassInfo annotatedInterface, List<MethodInfo> methods,
            Set<String> keys) {
        for (ClassInfo implementor : index.getAllKnownImplementations(annotatedInterface.name())) {
            if (implementor.isInterface()) {
                continue;
            }
            for (MethodInfo method : methods) {
                MethodInfo implementation = implementor.method(method.name(), method.parameterTypes());
                if (implementation != null && !implementation.hasDeclaredAnnotation(AnnotationUsageCheck.TRACK_METADATA)) {
                    keys.add(key(implementation));
                }
            }
        }
    }

    static String key(MethodInfo method) {
        return method.declaringClass().name() + "#" + method.name() + method.parameterTypes().stream()
                .map(type -> type.name().toString()).collect(Collectors.joining(",", "(", ")"));
    }
}
