package dev.pltrack.client;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * Reads at most {@code limit} bytes of an answer, then stops reading and cancels the rest. PromptLayer
 * answers with a few hundred bytes; a huge or endless body (a proxy page, a misbehaving server) must
 * cost neither memory nor a thread waiting for its end.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    private final int limit;
    private final Consumer<byte[]> whenRead;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private byte[] bytes = new byte[512];
    private int length;
    private Flow.Subscription subscription;

    /** @param whenRead called with the body on the thread that read its end, before {@link #getBody()} completes */
    BoundedBodySubscriber(int limit, Consumer<byte[]> whenRead) {
        this.limit = limit;
        this.whenRead = whenRead;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int take = Math.min(buffer.remaining(), limit - length);
            if (length + take > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(bytes.length * 2, length + take)));
            }
            buffer.get(bytes, length, take);
            length += take;
            if (length == limit) {
                subscription.cancel();
                complete();
                return;
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        complete();
    }

    private void complete() {
        byte[] read = Arrays.copyOf(bytes, length);
        whenRead.accept(read);
        body.complete(read);
    }
}
