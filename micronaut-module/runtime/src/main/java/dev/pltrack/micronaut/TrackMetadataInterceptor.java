package dev.pltrack.micronaut;

import dev.pltrack.TrackMetadata;
import dev.pltrack.tracking.MethodPlan;
import dev.pltrack.tracking.TrackMetadataHandler;
import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.InterceptedProxy;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.inject.ExecutableMethod;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Carries out {@code @TrackMetadata} on Micronaut beans by handing each call to the core's
 * {@link TrackMetadataHandler}: the mapping of the framework's interception model onto the core, and
 * nothing more (request id, merge, async results, error fields and strict mode are the core's).
 *
 * <p>Micronaut routes calls here at compile time: {@code pltrack-micronaut-processor} on the annotation
 * processor path binds {@code @TrackMetadata} to this interceptor. The first call of each method reads
 * its {@code java.lang.reflect.Method} once ({@link MethodInvocationContext#getTargetMethod()}) and
 * asks the core for the method's plan, which is kept here per bean class and
 * {@link ExecutableMethod}; later calls do no reflection.
 *
 * <p>It runs outermost, before Micronaut's validation, cache, retry and {@code @Async} phases, as
 * pltrack's advice does in Spring ({@code setBeforeExistingAdvisors}) and Quarkus
 * ({@code LIBRARY_BEFORE}): in the caller's thread with the caller's {@code TrackingContext}, once per
 * call, with the outcome the caller sees (a {@code @Retryable} method that succeeds on its third
 * attempt is tracked once, as a success).
 */
@InterceptorBean(TrackMetadata.class)
@Requires(property = PromptLayerProperties.ENABLED, notEquals = "false")
public final class TrackMetadataInterceptor implements MethodInterceptor<Object, Object> {

    /** Before the first of Micronaut's phases, {@link InterceptPhase#VALIDATE}. */
    public static final int ORDER = InterceptPhase.VALIDATE.getPosition() - 10;

    private final TrackMetadataHandler handler;
    // Per bean class: an executable method inherited by two beans may be annotated on one type only.
    private final ClassValue<ConcurrentHashMap<ExecutableMethod<?, ?>, MethodPlan>> plans = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<ExecutableMethod<?, ?>, MethodPlan> computeValue(Class<?> beanClass) {
            return new ConcurrentHashMap<>();
        }
    };

    public TrackMetadataInterceptor(TrackMetadataHandler handler) {
        this.handler = handler;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        MethodPlan plan = planFor(context);
        if (!plan.annotated()) {
            // A class-level binding also reaches methods the core does not track (non-public, Object's).
            return context.proceed();
        }
        try {
            return handler.invoke(plan, context.getParameterValues(), context::proceed);
        } catch (Throwable thrown) {
            // What the method threw, unchanged: a checked exception passes through proceed() as is.
            throw rethrow(thrown);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException rethrow(Throwable thrown) throws T {
        throw (T) thrown;
    }

    private MethodPlan planFor(MethodInvocationContext<Object, Object> context) {
        Class<?> beanClass = beanClass(context.getTarget());
        ConcurrentHashMap<ExecutableMethod<?, ?>, MethodPlan> ofClass = plans.get(beanClass);
        ExecutableMethod<Object, Object> method = context.getExecutableMethod();
        MethodPlan plan = ofClass.get(method);
        if (plan == null) {
            plan = ofClass.computeIfAbsent(method, unused -> handler.plan(context.getTargetMethod(), beanClass));
        }
        return plan;
    }

    /** The application's class: the generated subclass of a proxied bean stands for its superclass. */
    private static Class<?> beanClass(Object target) {
        if (target instanceof InterceptedProxy<?> proxy) {
            return proxy.interceptedTarget().getClass();
        }
        Class<?> type = target.getClass();
        return target instanceof io.micronaut.aop.Intercepted ? type.getSuperclass() : type;
    }
}
