package dev.pltrack.examples.quarkus;

import dev.pltrack.MetadataParam;
import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for a service that calls an LLM through PromptLayer. Each annotated method is tracked in
 * the background after it returns (or throws): nothing here talks to pltrack directly.
 */
@ApplicationScoped
public class ChatService {

    // A real app gets this id from PromptLayer (run(), log-request or pl_request_id).
    private final AtomicLong promptLayerRequestIds = new AtomicLong(41_000);

    @TrackMetadata({"feature=chat", "model=demo-llm"})
    public ChatAnswer answer(@MetadataParam("user_id") String userId, @MetadataParam("session_id") UUID sessionId,
            String question) {
        String text = "You asked: \"" + question + "\". A real model would answer here.";
        return new ChatAnswer(promptLayerRequestIds.incrementAndGet(), text);
    }

    /** The user rated an earlier answer: the request id arrives as a parameter. */
    @TrackMetadata({"event=rating"})
    public void rate(@PromptLayerRequestId long requestId, @MetadataParam("rating") int stars) {
        if (stars < 1 || stars > 5) {
            // Still tracked, with error_type and error_message; the caller gets this exception.
            throw new IllegalArgumentException("a rating is 1 to 5 stars, not " + stars);
        }
    }
}
