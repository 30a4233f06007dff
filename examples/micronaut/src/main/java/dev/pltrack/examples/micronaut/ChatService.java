package dev.pltrack.examples.micronaut;

import dev.pltrack.MetadataParam;
import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for a service that calls an LLM through PromptLayer. Each {@code @TrackMetadata} method
 * runs as written; afterwards pltrack sends the metadata for its request in the background.
 */
@Singleton
public class ChatService {

    // PromptLayer assigns request ids when it logs a call; here a counter plays that part.
    private final AtomicLong requestIds = new AtomicLong(3000);

    /** The request id comes from the returned answer; the user and session from the parameters. */
    @TrackMetadata({"feature=chat", "model=demo-llm"})
    public ChatAnswer answer(@MetadataParam("user_id") String userId, @MetadataParam("session_id") UUID sessionId,
            String question) {
        return new ChatAnswer(requestIds.incrementAndGet(), "You asked: " + question);
    }

    /** A later call about the same request: the id is a parameter. */
    @TrackMetadata("feature=feedback")
    public void rate(@PromptLayerRequestId long requestId, @MetadataParam("rating") int stars) {
    }

    /** Fails for an unknown document; the call is still tracked, with error_type and error_message. */
    @TrackMetadata("feature=summarise")
    public String summarise(@PromptLayerRequestId long requestId, @MetadataParam("document") String document) {
        if (!document.endsWith(".txt")) {
            throw new IllegalArgumentException("cannot summarise " + document + ": only .txt documents");
        }
        return "A summary of " + document;
    }
}
