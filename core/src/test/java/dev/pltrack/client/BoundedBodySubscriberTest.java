package dev.pltrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** The JDK transport's body reader keeps at most its limit and stops the rest of the body. */
class BoundedBodySubscriberTest {

    private final CompletableFuture<byte[]> whenRead = new CompletableFuture<>();
    private boolean cancelled;

    @Test
    void aBodyBeyondTheLimitIsCutThereAndTheRestCancelled() {
        BoundedBodySubscriber subscriber = subscribed(1_000);

        subscriber.onNext(List.of(bytes(600, 'a'), bytes(600, 'b')));
        subscriber.onNext(List.of(bytes(10, 'c')));   // arrives after the cut: ignored

        byte[] body = subscriber.getBody().toCompletableFuture().join();
        assertThat(body).hasSize(1_000).startsWith(bytes(600, 'a').array());
        assertThat(Arrays.copyOfRange(body, 600, 1_000)).containsOnly((byte) 'b');
        assertThat(cancelled).isTrue();
        assertThat(whenRead).isCompletedWithValue(body);
    }

    @Test
    void aBodyWithinTheLimitIsReadWholeAcrossBuffersOfAnySize() {
        BoundedBodySubscriber subscriber = subscribed(5_000);

        subscriber.onNext(List.of(bytes(2_000, 'a')));   // more than twice what the reader first holds
        subscriber.onNext(List.of(bytes(100, 'b')));
        subscriber.onComplete();

        byte[] body = subscriber.getBody().toCompletableFuture().join();
        assertThat(body).hasSize(2_100);
        assertThat(Arrays.copyOfRange(body, 0, 2_000)).containsOnly((byte) 'a');
        assertThat(Arrays.copyOfRange(body, 2_000, 2_100)).containsOnly((byte) 'b');
        assertThat(cancelled).isFalse();
    }

    private BoundedBodySubscriber subscribed(int limit) {
        BoundedBodySubscriber subscriber = new BoundedBodySubscriber(limit, whenRead::complete);
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
                cancelled = true;
            }
        });
        return subscriber;
    }

    private static ByteBuffer bytes(int count, char fill) {
        byte[] bytes = new byte[count];
        Arrays.fill(bytes, (byte) fill);
        return ByteBuffer.wrap(bytes);
    }
}
