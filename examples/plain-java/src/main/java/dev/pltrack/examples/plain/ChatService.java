package dev.pltrack.examples.plain;

import dev.pltrack.MetadataParam;
import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import java.util.UUID;

/** An LLM-backed service whose calls are tracked with {@code @TrackMetadata}. */
public interface ChatService {

    /** Answers a question; the answer carries the PromptLayer request id of the LLM call. */
    @TrackMetadata({"feature=chat", "model=gpt-4o"})
    ChatAnswer answer(@MetadataParam("user_id") String user, @MetadataParam("session_id") UUID session,
            String question);

    /** A user rates an earlier answer: the request id comes from the parameter. */
    @TrackMetadata({"feature=rating"})
    void rate(@PromptLayerRequestId long requestId, @MetadataParam("rating") int stars);

    /** Summarises a document; the request id comes from the tracking context set by the caller. */
    @TrackMetadata({"feature=summarise"})
    String summarise(@MetadataParam("document") String documentName);
}
