package dev.pltrack.micronaut.beans;

import dev.pltrack.MetadataParam;
import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A bean with {@code @TrackMetadata} methods, one per way of finding the request id and metadata.
 * It keeps what it last returned or threw, so tests can check the caller got exactly that.
 */
@Singleton
public class ChatService {

    public volatile Object lastReturned;
    public volatile Throwable lastThrown;

    @TrackMetadata({"feature=chat", "model=gpt-4o"})
    public Answer answer(@MetadataParam("user_id") String user, @MetadataParam("session_id") UUID session,
            String question) {
        return remember(new Answer(101, "an answer to " + question));
    }

    @TrackMetadata
    public void rateLong(@PromptLayerRequestId long requestId, @MetadataParam("rating") int stars) {
    }

    @TrackMetadata
    public void rateInt(@PromptLayerRequestId int requestId, @MetadataParam("rating") int stars) {
    }

    @TrackMetadata
    public void rateBoxedLong(@PromptLayerRequestId Long requestId, @MetadataParam("rating") int stars) {
    }

    @TrackMetadata
    public void rateBoxedInt(@PromptLayerRequestId Integer requestId, @MetadataParam("rating") int stars) {
    }

    @TrackMetadata
    public void rateText(@PromptLayerRequestId String requestId, @MetadataParam("rating") int stars) {
    }

    @TrackMetadata("source=long")
    public long logged(long requestId) {
        return requestId;
    }

    @TrackMetadata("source=optional")
    public Optional<Answer> maybe(long requestId) {
        return remember(Optional.of(new Answer(requestId, "maybe")));
    }

    @TrackMetadata("source=optional")
    public Optional<Answer> nothingMaybe() {
        return remember(Optional.empty());
    }

    @TrackMetadata("source=future")
    public CompletableFuture<Answer> later(CompletableFuture<Answer> result) {
        return remember(result);
    }

    @TrackMetadata("source=stage")
    public CompletionStage<Long> laterId(CompletableFuture<Long> result) {
        return remember(result);
    }

    @TrackMetadata("source=future")
    public CompletableFuture<Answer> laterFailing(@PromptLayerRequestId long requestId) {
        return remember(CompletableFuture.failedFuture(new IllegalStateException("model timed out")));
    }

    @TrackMetadata("source=mono")
    public Mono<Answer> mono(long requestId) {
        return Mono.fromSupplier(() -> new Answer(requestId, "mono"));
    }

    @TrackMetadata("source=mono")
    public Mono<Answer> monoFailing(@PromptLayerRequestId long requestId) {
        return Mono.error(new IllegalStateException("stream broke"));
    }

    @TrackMetadata("source=flux")
    public Flux<Answer> flux(long requestId) {
        return Flux.just(new Answer(requestId, "chunk 1"), new Answer(requestId, "chunk 2"));
    }

    @TrackMetadata("source=context")
    public void summarise(@MetadataParam("document") String document) {
    }

    @TrackMetadata({"layer=static", "feature=merge"})
    public void merged(@PromptLayerRequestId long requestId, @MetadataParam("layer") String layer) {
    }

    @TrackMetadata("feature=context-only")
    public void contextOnly(@PromptLayerRequestId long requestId) {
    }

    @TrackMetadata({"feature=chat"})
    public Answer failing(@PromptLayerRequestId long requestId, @MetadataParam("user_id") String user) {
        IllegalStateException failure = new IllegalStateException("model unavailable");
        lastThrown = failure;
        throw failure;
    }

    @TrackMetadata({"feature=upload"})
    public Answer failingChecked(@PromptLayerRequestId long requestId) throws IOException {
        IOException failure = new IOException("disk full");
        lastThrown = failure;
        throw failure;
    }

    @TrackMetadata(value = "feature=quiet", trackExceptions = false)
    public void failingUntracked(@PromptLayerRequestId long requestId) {
        throw new IllegalArgumentException("not tracked");
    }

    @TrackMetadata("feature=orphan")
    public void noRequestId(@MetadataParam("user_id") String user) {
    }

    /** Not annotated: the proxy passes it straight through. */
    public Answer plain(long requestId) {
        return remember(new Answer(requestId, "plain"));
    }

    private <T> T remember(T value) {
        lastReturned = value;
        return value;
    }
}
