package dev.pltrack.tracking;

import java.util.function.BiConsumer;

/**
 * Teaches {@link TrackMetadataHandler} a return type that completes later, so that the method is
 * tracked when its result is ready (with the request id it carries, or the failure). The core knows
 * {@link java.util.concurrent.CompletionStage}, and Reactor's {@code Mono} and {@code Flux} whenever
 * reactor-core is on the classpath; the framework modules add their own types (Mutiny's {@code Uni}).
 */
public interface AsyncResultAdapter {

    /** Whether a method declared to return {@code returnType} completes later through this adapter. */
    boolean supports(Class<?> returnType);

    /**
     * Arranges for {@code onComplete} to run once when {@code result} completes, with its value or
     * its failure (one of the two is {@code null}).
     *
     * @return what the caller receives: {@code result} itself when the callback can be attached
     *         without changing it, or an equivalent object that runs the callback (e.g. a decorated
     *         publisher). Never changes the values or the failure the caller sees.
     */
    Object whenComplete(Object result, BiConsumer<Object, Throwable> onComplete);
}
