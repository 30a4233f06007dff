package dev.pltrack.spring.services;

import dev.pltrack.MetadataParam;
import dev.pltrack.TrackMetadata;
import dev.pltrack.TrackingContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.scheduling.annotation.Async;

/** {@code @Async} methods: the caller's tracking context must be the one that counts. */
public class AsyncService {

    private final AtomicReference<String> lastThread = new AtomicReference<>();
    private final AtomicReference<TrackingContext> contextSeen = new AtomicReference<>();

    @Async
    @TrackMetadata({"feature=async-future"})
    public CompletableFuture<ChatAnswer> answerLater(long requestId, @MetadataParam("user_id") String user) {
        remember();
        return CompletableFuture.completedFuture(new ChatAnswer(requestId, "later"));
    }

    /** The request id can only come from the caller's context. */
    @Async
    @TrackMetadata({"feature=async-void"})
    public void recordLater(@MetadataParam("note") String note) {
        remember();
    }

    /** The thread the last call ran on. */
    public String lastThread() {
        return lastThread.get();
    }

    /** The tracking context the last call saw in its own thread. */
    public TrackingContext contextSeen() {
        return contextSeen.get();
    }

    private void remember() {
        lastThread.set(Thread.currentThread().getName());
        contextSeen.set(TrackingContext.current());
    }
}
