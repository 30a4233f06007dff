package dev.pltrack.tracking;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** JDK proxies whose calls go through a {@link TrackMetadataHandler}: {@code @TrackMetadata} without a framework. */
final class TrackingProxies {

    private static final Object[] NO_ARGUMENTS = {};

    private TrackingProxies() {
    }

    static <T> T proxy(TrackMetadataHandler handler, Class<T> type, T target) {
        Objects.requireNonNull(target, "target");
        if (!type.isInterface()) {
            throw new IllegalArgumentException(type.getName() + " is not an interface; JDK proxies need one");
        }
        Class<?> targetClass = target.getClass();
        // The interface may be package-private in another package: open its methods once, up front.
        Map<Method, Method> callable = new HashMap<>();
        for (Method method : type.getMethods()) {
            method.trySetAccessible();
            callable.put(method, method);
        }
        InvocationHandler calls = (proxy, method, arguments) -> {
            Object[] actual = arguments != null ? arguments : NO_ARGUMENTS;
            Method targetMethod = callable.getOrDefault(method, method);
            Invocation call = () -> {
                try {
                    return targetMethod.invoke(target, actual);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            // toString, equals and hashCode go straight to the target.
            return method.getDeclaringClass() == Object.class
                    ? call.proceed()
                    : handler.invoke(method, targetClass, actual, call);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, calls));
    }
}
