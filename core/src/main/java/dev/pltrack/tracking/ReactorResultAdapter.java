package dev.pltrack.tracking;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactor's {@link Mono} and {@link Flux}, added to every handler when reactor-core is on the
 * classpath. The caller gets a decorated publisher of the same type; the track runs once per
 * subscription, when it completes:
 * <ul>
 *   <li>a {@code Mono} with its value (none when empty, so the id comes from a parameter or the
 *       context), or with its error;</li>
 *   <li>a {@code Flux} with its <em>last</em> element (a streamed answer's final chunk carries the
 *       complete result), or with its error.</li>
 * </ul>
 * A cancelled subscription is not tracked: the result never became known.
 */
final class ReactorResultAdapter implements AsyncResultAdapter {

    @Override
    public boolean supports(Class<?> returnType) {
        return Mono.class.isAssignableFrom(returnType) || Flux.class.isAssignableFrom(returnType);
    }

    @Override
    public Object whenComplete(Object result, BiConsumer<Object, Throwable> onComplete) {
        if (result instanceof Mono<?> mono) {
            return mono.doOnSuccess(value -> onComplete.accept(value, null))
                    .doOnError(failure -> onComplete.accept(null, failure));
        }
        Flux<?> flux = (Flux<?>) result;
        return Flux.defer(() -> {
            // One per subscription: two subscribers must not see each other's last element.
            AtomicReference<Object> last = new AtomicReference<>();
            return flux.doOnNext(last::set)
                    .doOnComplete(() -> onComplete.accept(last.get(), null))
                    .doOnError(failure -> onComplete.accept(null, failure));
        });
    }
}
