package dev.pltrack.quarkus.deployment;

import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;

/** Streamed answers: each returns the stream it is given, as a streaming LLM client would. */
@ApplicationScoped
public class StreamingService {

    /** The request id comes from the last chunk. */
    @TrackMetadata({"mode=multi"})
    public Multi<Answer> stream(Multi<Answer> chunks) {
        return chunks;
    }

    /** The request id comes from the parameter, whatever the chunks carry. */
    @TrackMetadata({"mode=multi-with-id"})
    public Multi<Answer> streamFor(@PromptLayerRequestId long id, Multi<Answer> chunks) {
        return chunks;
    }
}
