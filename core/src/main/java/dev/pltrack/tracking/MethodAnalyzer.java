package dev.pltrack.tracking;

import dev.pltrack.HasPromptLayerRequestId;
import dev.pltrack.MetadataParam;
import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import dev.pltrack.client.MetadataKeys;
import dev.pltrack.tracking.TrackingProblem.Severity;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a method's annotations once and turns them into a {@link MethodPlan}, reporting misuse that
 * the signature shows. Annotations are looked up on the method, on the methods it overrides or
 * implements (so they may sit on an interface), and for {@code @TrackMetadata} also on the class or
 * the interface that declares the method.
 */
public final class MethodAnalyzer {

    private static final Set<Class<?>> ID_PARAMETER_TYPES =
            Set.of(long.class, int.class, Long.class, Integer.class, String.class);
    private static final Set<Class<?>> ID_RETURN_TYPES = Set.of(long.class, int.class, Long.class, Integer.class);

    private MethodAnalyzer() {
    }

    /**
     * The {@code @TrackMetadata} that applies to {@code method} called on an instance of
     * {@code targetClass}: on the method (or one it overrides), else on the class for a public method.
     * This is the pointcut every framework module uses.
     *
     * @param targetClass the class of the instance called, or {@code null} for the method's own
     */
    public static Optional<TrackMetadata> findAnnotation(Method method, Class<?> targetClass) {
        Method specific = mostSpecific(method, targetClass);
        List<Method> family = sameSignature(specific);
        for (Method candidate : family) {
            TrackMetadata onMethod = candidate.getAnnotation(TrackMetadata.class);
            if (onMethod != null) {
                return Optional.of(onMethod);
            }
        }
        return typeLevel(specific, targetClass, family);
    }

    /**
     * Whether {@link #findAnnotation} can find anything for some method of {@code type}:
     * {@code @TrackMetadata} sits on the type, a superclass or an interface, or on a method one of them
     * declares. A cheap first filter for pointcuts that look at every bean class.
     */
    public static boolean mayTrack(Class<?> type) {
        return MAY_TRACK.get(type);
    }

    /**
     * {@link #mayTrack} per class, computed once: at start-up the frameworks ask for every bean class,
     * and the superclasses and interfaces those share would otherwise be read again for each.
     */
    private static final ClassValue<Boolean> MAY_TRACK = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            if (type == Object.class || declaresTrackMetadata(type)) {
                return type != Object.class;
            }
            Class<?> superclass = type.getSuperclass();
            if (superclass != null && MAY_TRACK.get(superclass)) {
                return true;
            }
            for (Class<?> implemented : type.getInterfaces()) {
                if (MAY_TRACK.get(implemented)) {
                    return true;
                }
            }
            return false;
        }
    };

    private static boolean declaresTrackMetadata(Class<?> type) {
        if (isJdk(type)) {
            return false; // compiled without pltrack: its annotations need not be read
        }
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

    private static boolean isJdk(Class<?> type) {
        String name = type.getName();
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.") || name.startsWith("com.sun.");
    }

    /** Analyses {@code method} as called on {@code targetClass} (or its declaring class when {@code null}). */
    public static MethodPlan analyze(Method method, Class<?> targetClass, TrackingConfig config,
            List<AsyncResultAdapter> adapters) {
        Method specific = mostSpecific(method, targetClass);
        String description = describe(specific);
        List<Method> family = sameSignature(specific);
        TrackMetadata annotation = null;
        boolean onType = false;
        for (Method candidate : family) {
            annotation = candidate.getAnnotation(TrackMetadata.class);
            if (annotation != null) {
                break;
            }
        }
        if (annotation == null) {
            annotation = typeLevel(specific, targetClass, family).orElse(null);
            onType = annotation != null;
        }
        if (annotation == null) {
            return MethodPlan.notAnnotated(description);
        }
        List<TrackingProblem> problems = new ArrayList<>();
        int modifiers = specific.getModifiers();
        if (Modifier.isPrivate(modifiers)) {
            problems.add(error(description, "a private method cannot be intercepted; make it public (or "
                    + "package-private where the framework allows it) or move the annotation"));
        }
        if (Modifier.isStatic(modifiers)) {
            problems.add(error(description, "a static method cannot be intercepted; annotate an instance method"));
        }
        Map<String, String> staticEntries = staticEntries(annotation.value(), description, problems);

        Parameter[] parameters = specific.getParameters();
        int requestIdParameter = -1;
        boolean requestIdMarked = false;
        List<Integer> metadataIndexes = new ArrayList<>();
        List<String> metadataKeys = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            if (annotatedParameter(family, i, PromptLayerRequestId.class) != null) {
                requestIdMarked = true;
                if (requestIdParameter >= 0) {
                    problems.add(error(description, "parameters " + requestIdParameter + " and " + i
                            + " are both annotated @PromptLayerRequestId; a method has one request id"));
                } else if (!ID_PARAMETER_TYPES.contains(parameters[i].getType())) {
                    problems.add(error(description, "@PromptLayerRequestId parameter " + i + " is a "
                            + parameters[i].getType().getName() + "; it must be a long, int, Long, Integer or"
                            + " a String of digits"));
                } else {
                    requestIdParameter = i;
                }
            }
            Parameter metadataParameter = annotatedParameter(family, i, MetadataParam.class);
            if (metadataParameter != null) {
                String key = metadataKey(metadataParameter, family, i, description, problems);
                if (key != null) {
                    if (metadataKeys.contains(key)) {
                        problems.add(warning(description, "two parameters are @MetadataParam(\"" + key
                                + "\"); the later one wins"));
                    }
                    metadataIndexes.add(i);
                    metadataKeys.add(key);
                }
            }
        }

        Class<?> returnType = specific.getReturnType();
        AsyncResultAdapter asyncAdapter = adapters.stream()
                .filter(adapter -> adapter.supports(returnType)).findFirst().orElse(null);
        // A misplaced @PromptLayerRequestId was reported above; saying there is none would mislead.
        if (!requestIdMarked && asyncAdapter == null && !mayCarryRequestId(returnType)) {
            // A request logged during the call, or the context, may still give the id at run time:
            // worth a warning, not an error.
            String message = "no request id source in the signature: no @PromptLayerRequestId parameter, and a "
                    + returnType.getName() + " return value cannot carry one (return a long, a "
                    + "HasPromptLayerRequestId, or an Optional or CompletionStage of one); calls are tracked only"
                    + " when they log a request (DeliveryEngine.log) or a TrackingContext supplies the request id";
            if (!onType) {
                problems.add(warning(description, message));
            }
        }
        return new MethodPlan(description, true, annotation.trackExceptions(), config.defaultMetadata(),
                staticEntries, requestIdParameter, metadataIndexes.stream().mapToInt(Integer::intValue).toArray(),
                metadataKeys.toArray(String[]::new), asyncAdapter, problems);
    }

    private static Map<String, String> staticEntries(String[] entries, String description,
            List<TrackingProblem> problems) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals < 0) {
                problems.add(error(description, "entry \"" + entry + "\" has no '='; write \"key=value\""));
                continue;
            }
            String key = entry.substring(0, equals).strip();
            String keyRule = MetadataKeys.ruleBroken(key);
            if (keyRule != null) {
                problems.add(error(description, "entry \"" + entry + "\": the key " + keyRule));
                continue;
            }
            if (parsed.containsKey(key)) {
                problems.add(warning(description, "the key \"" + key + "\" is given twice; the later entry wins"));
            }
            parsed.put(key, entry.substring(equals + 1).strip());
        }
        return parsed;
    }

    private static String metadataKey(Parameter annotated, List<Method> family, int index, String description,
            List<TrackingProblem> problems) {
        String key = annotated.getAnnotation(MetadataParam.class).value().strip();
        if (key.isEmpty()) {
            String name = parameterName(annotated, family, index);
            if (name == null) {
                problems.add(error(description, "@MetadataParam on parameter " + index + " has no key and the"
                        + " parameter's name was not compiled in; write @MetadataParam(\"key\") or compile with"
                        + " -parameters"));
                return null;
            }
            key = name;
        }
        String keyRule = MetadataKeys.ruleBroken(key);
        if (keyRule != null) {
            problems.add(error(description, "@MetadataParam on parameter " + index + ": the key " + keyRule));
            return null;
        }
        return key;
    }

    private static boolean mayCarryRequestId(Class<?> returnType) {
        if (ID_RETURN_TYPES.contains(returnType) || Optional.class == returnType
                || HasPromptLayerRequestId.class.isAssignableFrom(returnType)) {
            return true;
        }
        // A final type that is none of those cannot hold an id; anything else might, through a subtype.
        return !returnType.isPrimitive() && returnType != Void.class && !Modifier.isFinal(returnType.getModifiers());
    }

    /**
     * The name of parameter {@code index}: as declared where the annotation sits, else wherever the
     * family has names (a generated subclass or proxy, or a class compiled without {@code -parameters},
     * may implement a method whose interface has them).
     */
    private static String parameterName(Parameter annotated, List<Method> family, int index) {
        if (annotated.isNamePresent()) {
            return annotated.getName();
        }
        for (Method candidate : family) {
            Parameter parameter = candidate.getParameters()[index];
            if (parameter.isNamePresent()) {
                return parameter.getName();
            }
        }
        return null;
    }

    /** Parameter {@code index} of the first method of the family that annotates it with {@code type}. */
    private static Parameter annotatedParameter(List<Method> family, int index,
            Class<? extends java.lang.annotation.Annotation> type) {
        for (Method candidate : family) {
            Parameter parameter = candidate.getParameters()[index];
            if (parameter.isAnnotationPresent(type)) {
                return parameter;
            }
        }
        return null;
    }

    /**
     * A type-level annotation for a public instance method: on the target class (or, being
     * {@code @Inherited}, a superclass of it), else on a type that declares the method, such as an
     * interface. Not for {@code toString}, {@code equals} and the other methods of {@code Object},
     * overridden or not. A bridge method stands for the generic method it calls; other synthetic
     * methods are the compiler's.
     */
    private static Optional<TrackMetadata> typeLevel(Method method, Class<?> targetClass, List<Method> family) {
        int modifiers = method.getModifiers();
        if (!Modifier.isPublic(modifiers) || Modifier.isStatic(modifiers)
                || (method.isSynthetic() && !method.isBridge()) || isObjectMethod(method)) {
            return Optional.empty();
        }
        if (targetClass != null && targetClass.getAnnotation(TrackMetadata.class) != null) {
            return Optional.of(targetClass.getAnnotation(TrackMetadata.class));
        }
        for (Method candidate : family) {
            TrackMetadata onType = candidate.getDeclaringClass().getAnnotation(TrackMetadata.class);
            if (onType != null) {
                return Optional.of(onType);
            }
        }
        return Optional.empty();
    }

    private static boolean isObjectMethod(Method method) {
        try {
            Object.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException notObjects) {
            return false;
        }
    }

    /** The implementation in {@code targetClass} of an interface or superclass method, if there is one. */
    private static Method mostSpecific(Method method, Class<?> targetClass) {
        if (targetClass == null || targetClass == method.getDeclaringClass() || Modifier.isPrivate(method.getModifiers())) {
            return method;
        }
        for (Class<?> type = targetClass; type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                return type.getDeclaredMethod(method.getName(), method.getParameterTypes());
            } catch (NoSuchMethodException notHere) {
                // keep looking up
            }
        }
        return method;
    }

    /** {@code method} first, then every method it overrides or implements. */
    private static List<Method> sameSignature(Method method) {
        List<Method> family = new ArrayList<>();
        family.add(method);
        if (Modifier.isPrivate(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
            return family;
        }
        collect(method.getDeclaringClass(), method, family);
        return family;
    }

    private static void collect(Class<?> type, Method method, List<Method> family) {
        List<Class<?>> supertypes = new ArrayList<>(Arrays.asList(type.getInterfaces()));
        if (type.getSuperclass() != null) {
            supertypes.add(0, type.getSuperclass());
        }
        for (Class<?> supertype : supertypes) {
            try {
                Method overridden = supertype.getDeclaredMethod(method.getName(), method.getParameterTypes());
                if (!family.contains(overridden) && !Modifier.isPrivate(overridden.getModifiers())) {
                    family.add(overridden);
                }
            } catch (NoSuchMethodException notDeclaredHere) {
                // it may still be declared higher up
            }
            collect(supertype, method, family);
        }
    }

    static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName() + Arrays.stream(method.getParameterTypes())
                .map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }

    private static TrackingProblem error(String method, String message) {
        return new TrackingProblem(Severity.ERROR, method, message);
    }

    private static TrackingProblem warning(String method, String message) {
        return new TrackingProblem(Severity.WARNING, method, message);
    }
}
