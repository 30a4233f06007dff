package dev.pltrack.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * What a {@code /rest/track-metadata} body says, read once: the fields the fake records and every
 * way the body breaks the endpoint's schema ({@code request_id} a positive integer, {@code
 * metadata} an object of strings with keys of at most 1024 characters).
 */
record TrackBody(
        boolean isJsonObject,
        Long requestId,
        Map<String, String> metadata,
        String apiKey,
        List<Violation> violations)
        implements ParsedBody {

    private static final TrackBody NOT_AN_OBJECT =
            new TrackBody(false, null, null, null, List.of());

    static TrackBody parse(byte[] body, Canonical canonical) {
        JsonNode root = Json.parseOrNull(body);
        if (root == null || !root.isObject()) {
            return NOT_AN_OBJECT;
        }
        Checks checks = new Checks();
        Long requestId = checks.requestId(root);
        Map<String, String> metadata = checks.metadata(root, Checks.Need.REQUIRED, canonical);
        return new TrackBody(
                true, requestId, metadata, Checks.apiKey(root, canonical), checks.violations());
    }

    @Override
    public Answer whenValid(long nextRequestId) {
        return Answer.accepted(200, PromptLayerBodies.METADATA_TRACKED);
    }

    @Override
    public RecordedCall record(long sequence, Arrival arrival, Answer answer, long nextRequestId) {
        return new RecordedTrack(
                sequence,
                arrival.receivedAt(),
                arrival.rawBody(),
                arrival.headers(),
                requestId,
                metadata,
                apiKey,
                answer.status(),
                answer.accepted());
    }
}
