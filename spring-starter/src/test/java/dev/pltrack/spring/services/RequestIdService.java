package dev.pltrack.spring.services;

import dev.pltrack.MetadataParam;
import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A class without interfaces (so a CGLIB proxy): one method per way the request id is found, and
 * the merge and failure cases.
 */
public class RequestIdService {

    @TrackMetadata({"source=long-param"})
    public void rateLong(@PromptLayerRequestId long requestId, @MetadataParam("rating") int stars) {
    }

    @TrackMetadata({"source=int-param"})
    public void rateInt(@PromptLayerRequestId int requestId) {
    }

    @TrackMetadata({"source=boxed-long-param"})
    public void rateBoxedLong(@PromptLayerRequestId Long requestId) {
    }

    @TrackMetadata({"source=boxed-int-param"})
    public void rateBoxedInt(@PromptLayerRequestId Integer requestId) {
    }

    @TrackMetadata({"source=string-param"})
    public void rateText(@PromptLayerRequestId String requestId) {
    }

    @TrackMetadata({"source=long-return"})
    public long returnsLong(long requestId) {
        return requestId;
    }

    @TrackMetadata({"source=answer-return"})
    public ChatAnswer returnsAnswer(long requestId, @MetadataParam("user_id") String user) {
        return new ChatAnswer(requestId, "hello " + user);
    }

    @TrackMetadata({"source=echo"})
    public ChatAnswer echo(ChatAnswer given) {
        return given;
    }

    @TrackMetadata({"source=optional-return"})
    public Optional<ChatAnswer> returnsOptional(long requestId) {
        return Optional.of(new ChatAnswer(requestId, "maybe"));
    }

    /** Returns the stage it is given, so the test decides when it completes. */
    @TrackMetadata({"source=stage-return"})
    public CompletionStage<ChatAnswer> returnsStage(CompletionStage<ChatAnswer> later) {
        return later;
    }

    @TrackMetadata({"source=future-return"})
    public CompletableFuture<ChatAnswer> returnsFuture(CompletableFuture<ChatAnswer> later) {
        return later;
    }

    @TrackMetadata({"source=context"})
    public void fromContext() {
    }

    @TrackMetadata({"shared=static", "static_only=yes"})
    public ChatAnswer merged(long requestId, @MetadataParam("shared") String shared) {
        return new ChatAnswer(requestId, "merged");
    }

    @TrackMetadata({"feature=fails"})
    public ChatAnswer fails(@PromptLayerRequestId long requestId, RuntimeException toThrow) {
        throw toThrow;
    }

    @TrackMetadata(value = {"feature=fails-quietly"}, trackExceptions = false)
    public void failsUntracked(@PromptLayerRequestId long requestId, RuntimeException toThrow) {
        throw toThrow;
    }

    @TrackMetadata
    public void noRequestId(@MetadataParam("note") String note) {
    }

    /** Not annotated: never tracked, even with an id in the context. */
    public ChatAnswer untracked(long requestId) {
        return new ChatAnswer(requestId, "untracked");
    }
}
