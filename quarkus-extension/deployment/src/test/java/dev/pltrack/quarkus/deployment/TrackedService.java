package dev.pltrack.quarkus.deployment;

import dev.pltrack.MetadataParam;
import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** One annotated method per way a request id or metadata value can arrive. */
@ApplicationScoped
public class TrackedService {

    private static final Executor LATER = CompletableFuture.delayedExecutor(200, java.util.concurrent.TimeUnit.MILLISECONDS);

    @TrackMetadata({"source=long-param"})
    public String idFromLong(@PromptLayerRequestId long id, @MetadataParam("rating") int stars) {
        return "rated " + stars;
    }

    @TrackMetadata({"source=int-param"})
    public void idFromInt(@PromptLayerRequestId int id) {
    }

    @TrackMetadata({"source=boxed-long-param"})
    public void idFromBoxedLong(@PromptLayerRequestId Long id) {
    }

    @TrackMetadata({"source=integer-param"})
    public void idFromInteger(@PromptLayerRequestId Integer id) {
    }

    @TrackMetadata({"source=text-param"})
    public void idFromText(@PromptLayerRequestId String id) {
    }

    @TrackMetadata({"source=long-return"})
    public long idReturned(long id) {
        return id;
    }

    @TrackMetadata({"feature=chat", "model=gpt-4o"})
    public Answer answer(@MetadataParam("user_id") String user, @MetadataParam("session_id") UUID session,
            long id) {
        return new Answer(id, "an answer");
    }

    @TrackMetadata({"source=optional-return"})
    public Optional<Answer> maybeAnswer(long id) {
        return Optional.of(new Answer(id, "maybe"));
    }

    @TrackMetadata({"source=completion-stage"})
    public CompletionStage<Answer> answerLater(long id) {
        return CompletableFuture.supplyAsync(() -> new Answer(id, "later"), LATER);
    }

    @TrackMetadata({"source=uni"})
    public Uni<Answer> answerUni(long id) {
        return Uni.createFrom().item(() -> new Answer(id, "uni")).onItem().delayIt().by(Duration.ofMillis(100));
    }

    @TrackMetadata({"source=uni"})
    public Uni<Answer> failUni(@PromptLayerRequestId long id) {
        return Uni.createFrom().failure(new IllegalArgumentException("uni failed"));
    }

    @TrackMetadata({"source=context"})
    public void idFromContext(@MetadataParam("step") String step) {
    }

    @TrackMetadata({"feature=static", "shared=static"})
    public void merge(@PromptLayerRequestId long id, @MetadataParam("shared") String shared) {
    }

    @TrackMetadata({"feature=chat"})
    public void fail(@PromptLayerRequestId long id, RuntimeException toThrow) {
        throw toThrow;
    }

    @TrackMetadata({"source=nowhere"})
    public void noRequestId(@MetadataParam("x") String x) {
    }

    /** Not annotated itself; calls an annotated method of this bean (ArC intercepts self-invocation). */
    public long callsItself(long id) {
        return idReturned(id);
    }

    /** Not annotated: never tracked, even with a context that has an id. */
    public long notAnnotated(long id) {
        return id;
    }
}
