package dev.pltrack.spring.aop;

import dev.pltrack.tracking.TrackMetadataHandler;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.ObjectProvider;

/** Hands each intercepted call to the core's {@link TrackMetadataHandler}. */
final class TrackMetadataInterceptor implements MethodInterceptor {

    private final ObjectProvider<TrackMetadataHandler> handlerProvider;
    private volatile TrackMetadataHandler handler;

    TrackMetadataInterceptor(ObjectProvider<TrackMetadataHandler> handlerProvider) {
        this.handlerProvider = handlerProvider;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        TrackMetadataHandler tracking = handler();
        if (tracking == null) {
            // The application defined no handler bean (it replaced the auto-configured one with nothing).
            return invocation.proceed();
        }
        Object target = invocation.getThis();
        Class<?> targetClass = target != null ? AopProxyUtils.ultimateTargetClass(target) : null;
        return tracking.invoke(invocation.getMethod(), targetClass, invocation.getArguments(), invocation::proceed);
    }

    /** Looked up on first use: a post-processor that asked for it up front would create it too early. */
    private TrackMetadataHandler handler() {
        TrackMetadataHandler current = handler;
        if (current == null) {
            current = handlerProvider.getIfAvailable();
            handler = current;
        }
        return current;
    }
}
