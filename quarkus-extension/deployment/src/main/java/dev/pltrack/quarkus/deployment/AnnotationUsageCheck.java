package dev.pltrack.quarkus.deployment;

import dev.pltrack.TrackMetadata;
import dev.pltrack.tracking.MethodAnalyzer;
import dev.pltrack.tracking.MethodPlan;
import dev.pltrack.tracking.TrackingConfig;
import dev.pltrack.tracking.TrackingProblem;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.logging.Logger;

/**
 * Finds the methods {@code @TrackMetadata} applies to in the application's index, loads their classes
 * and lets the core's {@link MethodAnalyzer} judge them, as it would at the first call. The rules are
 * the core's; this class only decides which methods to show it.
 */
final class AnnotationUsageCheck {

    private static final Logger LOG = Logger.getLogger(AnnotationUsageCheck.class);

    static final DotName TRACK_METADATA = DotName.createSimple(TrackMetadata.class.getName());

    private final IndexView index;
    private final ClassLoader classLoader;

    AnnotationUsageCheck(IndexView index, ClassLoader classLoader) {
        this.index = index;
        this.classLoader = classLoader;
    }

    /** Every problem of every annotated method, errors and warnings, in a stable order. */
    List<TrackingProblem> problems() {
        Map<Method, Class<?>> methods = new LinkedHashMap<>();
        for (AnnotationInstance annotation : index.getAnnotations(TRACK_METADATA)) {
            AnnotationTarget target = annotation.target();
            if (target.kind() == AnnotationTarget.Kind.METHOD) {
                MethodInfo method = target.asMethod();
                Class<?> type = load(method.declaringClass());
                Method reflected = type == null ? null : find(type, method);
                if (reflected != null) {
                    methods.putIfAbsent(reflected, type);
                }
            } else if (target.kind() == AnnotationTarget.Kind.CLASS) {
                Class<?> type = load(target.asClass());
                for (Method method : type == null ? new Method[0] : type.getMethods()) {
                    if (method.getDeclaringClass() != Object.class && !Modifier.isStatic(method.getModifiers())) {
                        methods.putIfAbsent(method, type);
                    }
                }
            }
        }
        List<TrackingProblem> problems = new ArrayList<>();
        for (Map.Entry<Method, Class<?>> method : methods.entrySet()) {
            MethodPlan plan = MethodAnalyzer.analyze(method.getKey(), method.getValue(), TrackingConfig.defaults(),
                    List.of());
            problems.addAll(plan.problems());
        }
        return problems;
    }

    /** The class, or {@code null} (logged) when it cannot be loaded: it is then checked at its first call. */
    private Class<?> load(ClassInfo type) {
        try {
            return Class.forName(type.name().toString(), false, classLoader);
        } catch (ClassNotFoundException | LinkageError notLoadable) {
            LOG.warnf("pltrack could not load %s to check its @TrackMetadata usage at build time (%s); it is"
                    + " checked at its first call instead", type.name(), notLoadable);
            return null;
        }
    }

    /** The reflected method for a Jandex one: same name and erased parameter types. */
    private static Method find(Class<?> type, MethodInfo method) {
        for (Method candidate : type.getDeclaredMethods()) {
            if (candidate.isSynthetic() || !candidate.getName().equals(method.name())
                    || candidate.getParameterCount() != method.parametersCount()) {
                continue;
            }
            boolean same = true;
            Class<?>[] parameterTypes = candidate.getParameterTypes();
            for (int i = 0; i < parameterTypes.length && same; i++) {
                same = parameterTypes[i].getName().equals(method.parameterType(i).name().toString());
            }
            if (same) {
                return candidate;
            }
        }
        return null;
    }
}
