package dev.pltrack.micronaut;

import dev.pltrack.TrackMetadata;
import dev.pltrack.tracking.MethodAnalyzer;
import io.micronaut.aop.Intercepted;
import io.micronaut.aop.InterceptorBinding;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.BeanDefinitionReference;
import io.micronaut.inject.ExecutableMethod;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches the set-up mistake that is otherwise silent: {@code pltrack-micronaut} on the class path but
 * {@code pltrack-micronaut-processor} missing from the annotation processor path. Then Micronaut's
 * compiler never binds {@code @TrackMetadata} to the interceptor, and every annotated method runs
 * untracked. At start-up this looks at the application's beans whose classes carry
 * {@code @TrackMetadata} (the core's own lookup) and at the binding the processor would have added
 * to each annotated method; a method without it fails start-up (by default), or is logged.
 *
 * <p>{@code promptlayer.micronaut.processor-check}: {@code fail} (default), {@code warn} or {@code off}.
 */
@Context
@Requires(property = PromptLayerProperties.ENABLED, notEquals = "false")
final class ProcessorPathCheck {

    static final String PROPERTY = "promptlayer.micronaut.processor-check";

    static final String FIX = """
            Put pltrack-micronaut-processor on the annotation processor path, beside micronaut-inject-java.
              Maven (maven-compiler-plugin <configuration>):
                <annotationProcessorPaths combine.children="append">
                  <path>
                    <groupId>dev.pltrack</groupId>
                    <artifactId>pltrack-micronaut-processor</artifactId>
                    <version>${pltrack.version}</version>
                  </path>
                </annotationProcessorPaths>
              Gradle (Kotlin DSL):
                annotationProcessor("dev.pltrack:pltrack-micronaut-processor:${pltrackVersion}")
            Then rebuild (a clean build: the beans must be compiled again).""";

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorPathCheck.class);

    /** The packages of this module's own beans (an application's may sit below them, as tests' do). */
    private static final String OWN_PACKAGE = ProcessorPathCheck.class.getPackageName();
    private static final Set<String> PLTRACK_PACKAGES = Set.of(OWN_PACKAGE, OWN_PACKAGE + ".health",
            OWN_PACKAGE + ".management", OWN_PACKAGE + ".metrics", OWN_PACKAGE + ".langchain4j");

    ProcessorPathCheck(ApplicationContext context, @Value("${" + PROPERTY + ":fail}") String mode) {
        Mode chosen = Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        if (chosen == Mode.OFF) {
            return;
        }
        List<String> unbound = unboundMethods(context);
        if (unbound.isEmpty()) {
            return;
        }
        String message = "@TrackMetadata is not bound to pltrack's interceptor on " + unbound
                + ": these methods run untracked, because pltrack-micronaut-processor was not on the annotation"
                + " processor path when they were compiled.\n" + FIX
                + "\n(" + PROPERTY + "=warn only logs this; off skips the check.)";
        if (chosen == Mode.FAIL) {
            throw new IllegalStateException(message);
        }
        LOG.warn(message);
    }

    private enum Mode { FAIL, WARN, OFF }

    /**
     * The annotated public methods of application beans that carry no pltrack binding. It walks the bean
     * definition references, not {@code getAllBeanDefinitions()}: that one loads every definition and
     * evaluates every bean's requirements, which costs an application's start-up tens of milliseconds.
     * Here a framework's reference is skipped by its name, and only a bean whose class has a
     * {@code @TrackMetadata} method is loaded and asked whether it is enabled.
     */
    static List<String> unboundMethods(ApplicationContext context) {
        List<String> unbound = new ArrayList<>();
        for (BeanDefinitionReference<?> reference : context.getBeanDefinitionReferences()) {
            if (isFramework(reference.getBeanDefinitionName()) || !reference.isPresent()) {
                continue;
            }
            Class<?> type = applicationClass(reference.getBeanType());
            if (!MethodAnalyzer.mayTrack(type)) {
                continue;
            }
            BeanDefinition<?> definition = reference.load(context);
            if (!definition.isEnabled(context)) {
                continue;
            }
            for (Method method : type.getMethods()) {
                if (!Modifier.isStatic(method.getModifiers()) && !method.isSynthetic()
                        && method.getDeclaringClass() != Object.class
                        && MethodAnalyzer.findAnnotation(method, type).isPresent()
                        && !bound(definition, method)) {
                    unbound.add(type.getName() + "." + method.getName());
                }
            }
        }
        return unbound;
    }

    /** An advised bean's type is the subclass Micronaut generated; its methods are the application's. */
    private static Class<?> applicationClass(Class<?> beanType) {
        return Intercepted.class.isAssignableFrom(beanType) ? beanType.getSuperclass() : beanType;
    }

    /** The processor adds {@code @InterceptorBinding(TrackMetadata.class)} to each method it binds. */
    private static boolean bound(BeanDefinition<?> definition, Method method) {
        Optional<? extends ExecutableMethod<?, ?>> executable =
                definition.findMethod(method.getName(), method.getParameterTypes());
        return executable.isPresent() && executable.get().getAnnotationMetadata()
                .getAnnotationValuesByType(InterceptorBinding.class).stream()
                .anyMatch(binding -> binding.stringValue().filter(TrackMetadata.class.getName()::equals).isPresent());
    }

    /**
     * Micronaut's beans and pltrack's own carry no {@code @TrackMetadata}: not loading their classes and
     * not reading their methods' annotations saves start-up time.
     */
    private static boolean isFramework(String definitionName) {
        int lastDot = definitionName.lastIndexOf('.');
        return definitionName.startsWith("io.micronaut.")
                || PLTRACK_PACKAGES.contains(lastDot < 0 ? "" : definitionName.substring(0, lastDot));
    }
}
