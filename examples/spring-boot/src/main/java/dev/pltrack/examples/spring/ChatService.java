package dev.pltrack.examples.spring;

import dev.pltrack.MetadataParam;
import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The application's LLM-facing service; pltrack tracks its annotated methods. */
@Service
public class ChatService {

    private final LlmClient llm;

    public ChatService(LlmClient llm) {
        this.llm = llm;
    }

    /** The request id comes from the returned {@link ChatAnswer}. */
    @TrackMetadata({"feature=chat", "model=demo-llm"})
    public ChatAnswer answer(@MetadataParam("user_id") String userId, @MetadataParam("session_id") UUID sessionId,
            String question) {
        return llm.complete(question);
    }

    /**
     * A user's rating of an earlier answer; the request id is a parameter. Out-of-range ratings throw,
     * and the track then carries {@code error_type} and {@code error_message}.
     */
    @TrackMetadata({"feature=rating"})
    public void rate(@PromptLayerRequestId long requestId, @MetadataParam("rating") int stars) {
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("a rating is 1 to 5 stars, not " + stars);
        }
    }
}
