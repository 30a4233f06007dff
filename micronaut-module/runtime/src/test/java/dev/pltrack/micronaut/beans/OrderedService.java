package dev.pltrack.micronaut.beans;

import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import io.micronaut.retry.annotation.Retryable;
import io.micronaut.scheduling.annotation.Async;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Annotated methods that also carry Micronaut's own around advice. */
@Singleton
public class OrderedService {

    private final Map<Long, AtomicInteger> attempts = new ConcurrentHashMap<>();
    public final CountDownLatch asyncRan = new CountDownLatch(1);
    public volatile String asyncThread;

    /** Runs on Micronaut's executor; its request id and metadata can only come from the caller's context. */
    @Async
    @TrackMetadata("feature=async")
    public void inBackground() {
        asyncThread = Thread.currentThread().getName();
        asyncRan.countDown();
    }

    /** Fails until its {@code succeedOn}-th attempt; Micronaut retries it three times after the first. */
    @Retryable(attempts = "3", delay = "5ms")
    @TrackMetadata("feature=retry")
    public long flaky(@PromptLayerRequestId long requestId, int succeedOn) {
        if (attempts.computeIfAbsent(requestId, id -> new AtomicInteger()).incrementAndGet() < succeedOn) {
            throw new IllegalStateException("attempt failed");
        }
        return requestId;
    }

    public int attempts(long requestId) {
        return attempts.getOrDefault(requestId, new AtomicInteger()).get();
    }
}
