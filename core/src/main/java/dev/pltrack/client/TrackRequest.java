package dev.pltrack.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One validated track: the PromptLayer request id and the metadata to attach to it. Built only
 * through {@link #of}, so holding one means the rules were kept; the metadata keeps its order and
 * cannot change afterwards.
 *
 * @param requestId the PromptLayer request log to annotate (positive)
 * @param metadata  string keys and values, in the order they are sent
 */
public record TrackRequest(long requestId, Map<String, String> metadata) implements Submission {

    public TrackRequest {
        TrackRequestValidator.validate(requestId, metadata);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * @throws InvalidTrackRequestException naming every field that breaks a rule
     */
    public static TrackRequest of(long requestId, Map<String, String> metadata) {
        return new TrackRequest(requestId, metadata);
    }

    @Override
    public String summary() {
        return "track for request " + requestId + ", keys " + metadata.keySet();
    }

    @Override
    public String subject() {
        return "Track for request " + requestId;
    }
}
