package dev.pltrack.quarkus.runtime;

import dev.pltrack.tracking.AsyncResultAdapter;
import io.smallrye.mutiny.Uni;
import java.util.function.BiConsumer;

/**
 * Mutiny's {@link Uni}: the call is tracked when the item (or the failure) arrives. A {@code Uni} is
 * lazy, so the caller gets an equivalent {@code Uni} that tracks on each subscription that
 * completes; one cancelled before its item is not tracked.
 */
final class UniResultAdapter implements AsyncResultAdapter {

    @Override
    public boolean supports(Class<?> returnType) {
        return Uni.class.isAssignableFrom(returnType);
    }

    @Override
    public Object whenComplete(Object result, BiConsumer<Object, Throwable> onComplete) {
        return ((Uni<?>) result).onItemOrFailure().invoke(onComplete::accept);
    }
}
