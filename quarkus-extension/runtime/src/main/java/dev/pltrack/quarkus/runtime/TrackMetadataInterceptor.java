package dev.pltrack.quarkus.runtime;

import dev.pltrack.TrackMetadata;
import dev.pltrack.tracking.TrackMetadataHandler;
import io.quarkus.arc.Subclass;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.UndeclaredThrowableException;

/**
 * Carries out {@code @TrackMetadata} on CDI beans by handing each call to the core's
 * {@link TrackMetadataHandler}, which does everything else. It runs outside application and
 * platform interceptors (fault tolerance, transactions), so that it sees what the caller sees.
 */
@TrackMetadata
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class TrackMetadataInterceptor {

    private final TrackMetadataHandler handler;

    @Inject
    public TrackMetadataInterceptor(TrackMetadataHandler handler) {
        this.handler = handler;
    }

    @AroundInvoke
    Object track(InvocationContext invocation) throws Exception {
        Object target = invocation.getTarget();
        try {
            return handler.invoke(invocation.getMethod(), beanClass(target), invocation.getParameters(),
                    invocation::proceed);
        } catch (Exception | Error rethrown) {
            throw rethrown;
        } catch (Throwable impossible) {
            // proceed() throws only Exceptions and Errors, and the handler rethrows what it threw.
            throw new UndeclaredThrowableException(impossible);
        }
    }

    /** The application's class, not the subclass ArC generates to intercept it. */
    private static Class<?> beanClass(Object target) {
        if (target == null) {
            return null;
        }
        Class<?> type = target.getClass();
        return target instanceof Subclass ? type.getSuperclass() : type;
    }
}
