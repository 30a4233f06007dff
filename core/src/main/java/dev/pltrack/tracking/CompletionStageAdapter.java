package dev.pltrack.tracking;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * {@link CompletionStage} and {@link java.util.concurrent.CompletableFuture}: the callback is a
 * dependent stage; the caller gets the very same stage back.
 */
final class CompletionStageAdapter implements AsyncResultAdapter {

    @Override
    public boolean supports(Class<?> returnType) {
        return CompletionStage.class.isAssignableFrom(returnType);
    }

    @Override
    public Object whenComplete(Object result, BiConsumer<Object, Throwable> onComplete) {
        ((CompletionStage<?>) result).whenComplete((value, failure) ->
                onComplete.accept(value, failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure));
        return result;
    }
}
