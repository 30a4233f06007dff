package dev.pltrack.quarkus.runtime;

import dev.pltrack.tracking.AsyncResultAdapter;
import io.smallrye.mutiny.Multi;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * Mutiny's {@link Multi}, tracked as the core tracks Reactor's {@code Flux}: the caller gets an
 * equivalent {@code Multi} that tracks once per subscription, when the stream completes, with its
 * <em>last</em> item (a streamed answer's final chunk carries the complete result; none when the
 * stream was empty, so the id comes from a parameter or the context), or with its failure. A
 * cancelled subscription is not tracked: the result never became known.
 */
final class MultiResultAdapter implements AsyncResultAdapter {

    @Override
    public boolean supports(Class<?> returnType) {
        return Multi.class.isAssignableFrom(returnType);
    }

    @Override
    public Object whenComplete(Object result, BiConsumer<Object, Throwable> onComplete) {
        return decorate((Multi<?>) result, onComplete);
    }

    private static <T> Multi<T> decorate(Multi<T> multi, BiConsumer<Object, Throwable> onComplete) {
        return Multi.createFrom().deferred(() -> {
            // One per subscription: two subscribers must not see each other's last item.
            AtomicReference<Object> last = new AtomicReference<>();
            return multi.onItem().invoke(last::set)
                    .onCompletion().invoke(() -> onComplete.accept(last.get(), null))
                    .onFailure().invoke(failure -> onComplete.accept(null, failure));
        });
    }
}
