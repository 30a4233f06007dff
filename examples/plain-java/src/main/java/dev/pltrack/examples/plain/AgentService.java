package dev.pltrack.examples.plain;

import dev.pltrack.MetadataParam;
import dev.pltrack.TrackMetadata;

/**
 * An agent that makes several LLM calls per task and logs each to PromptLayer itself. Its method
 * returns no request id: the requests logged during the call are its ids, so its metadata goes to
 * each of them, inside the log.
 */
public interface AgentService {

    @TrackMetadata({"feature=agent"})
    String plan(@MetadataParam("user_id") String user, String goal);
}
