package dev.pltrack.quarkus.deployment;

import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
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
                // Abstract and default ones: a bean's override of a default method is bound as well.
                List<MethodInfo> instanceMethods = target.asClass().methods().stream()
                        .filter(method -> !Modifier.isStatic(method.flags()) && !method.name().startsWith("<"))
                        .toList();
                addImplementations(index, target.asClass(), instanceMethods, keys);
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

    /**
     * Names of the classes that inherit, without overriding, a {@code default} method that
     * {@code @TrackMetadata} applies to (on the method, or on its interface). ArC intercepts inherited
     * default methods only through class-level bindings (up to Quarkus 3.33 it ignores a binding on
     * the default method itself), so these classes get the binding; the handler still tracks only the
     * methods the core finds annotated, and lets every other call through.
     */
    static Set<DotName> classesInheritingAnnotatedDefaults(IndexView index) {
        Set<DotName> classes = new HashSet<>();
        for (AnnotationInstance annotation : index.getAnnotations(AnnotationUsageCheck.TRACK_METADATA)) {
            AnnotationTarget target = annotation.target();
            if (target.kind() == AnnotationTarget.Kind.METHOD && target.asMethod().declaringClass().isInterface()
                    && target.asMethod().isDefault()) {
                addInheritors(index, target.asMethod().declaringClass(), List.of(target.asMethod()), classes);
            } else if (target.kind() == AnnotationTarget.Kind.CLASS && target.asClass().isInterface()) {
                List<MethodInfo> defaultMethods = target.asClass().methods().stream()
                        .filter(MethodInfo::isDefault)
                        .toList();
                addInheritors(index, target.asClass(), defaultMethods, classes);
            }
        }
        return classes;
    }

    private static void addInheritors(IndexView index, ClassInfo annotatedInterface, List<MethodInfo> defaultMethods,
            Set<DotName> classes) {
        if (defaultMethods.isEmpty()) {
            return;
        }
        for (ClassInfo implementor : index.getAllKnownImplementations(annotatedInterface.name())) {
            if (implementor.isInterface()) {
                continue;
            }
            for (MethodInfo method : defaultMethods) {
                if (!declaredInClassHierarchy(index, implementor, method)) {
                    classes.add(implementor.name());
                    break;
                }
            }
        }
    }

    /** Whether the class or one of its superclasses declares (overrides) the interface method. */
    private static boolean declaredInClassHierarchy(IndexView index, ClassInfo type, MethodInfo method) {
        for (ClassInfo current = type; current != null; current = current.superName() == null ? null
                : index.getClassByName(current.superName())) {
            if (current.method(method.name(), method.parameterTypes()) != null) {
                return true;
            }
        }
        return false;
    }

    static String key(MethodInfo method) {
        return method.declaringClass().name() + "#" + method.name() + method.parameterTypes().stream()
                .map(type -> type.name().toString()).collect(Collectors.joining(",", "(", ")"));
    }
}
