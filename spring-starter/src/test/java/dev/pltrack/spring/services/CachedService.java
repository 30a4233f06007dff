package dev.pltrack.spring.services;

import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.cache.annotation.Cacheable;

/** Proxied by Spring's auto-proxy creator for caching, and by pltrack for tracking. */
public class CachedService {

    private final AtomicInteger invocations = new AtomicInteger();

    @Cacheable("answers")
    @TrackMetadata({"feature=cached"})
    public ChatAnswer answer(@PromptLayerRequestId long requestId) {
        invocations.incrementAndGet();
        return new ChatAnswer(requestId, "computed once");
    }

    public int invocations() {
        return invocations.get();
    }
}
