package dev.pltrack.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request to {@code POST /rest/track-metadata} as the fake saw it, and what it answered.
 *
 * <p>Kept so that a test can check what a client really put on the wire (body, headers) and not
 * only what it meant to send. {@link #toString()} masks API keys, so a recording can go into an
 * assertion message or a CI log.
 *
 * @param sequence arrival number among all requests to the fake, 1 for the first request after
 *     start or {@link FakePromptLayer#reset()}
 * @param receivedAt when the request arrived
 * @param rawBody the body exactly as received (UTF-8)
 * @param headers the request headers as received; use {@link #header(String)} to look one up
 *     regardless of case
 * @param requestId the body's {@code request_id}, or null if absent or not an integer
 * @param metadata the body's {@code metadata}, or null if absent or not an object of strings
 * @param apiKeyInBody the body's {@code api_key}, or null if absent or not a string
 * @param responseStatus the status answered, or -1 when the connection was dropped or closed
 * @param accepted whether it was answered {@code 200 {"success":true}} and so stored and merged
 */
public record RecordedTrack(
        long sequence,
        Instant receivedAt,
        String rawBody,
        Map<String, List<String>> headers,
        Long requestId,
        Map<String, String> metadata,
        String apiKeyInBody,
        int responseStatus,
        boolean accepted)
        implements RecordedCall {

    /** Copies the maps, so a recording never changes after the fact. */
    public RecordedTrack {
        headers = Recordings.checkedHeaders(receivedAt, rawBody, headers);
        metadata = Recordings.copyOf(metadata);
    }

    /** Always {@link Endpoint#TRACK_METADATA}. */
    @Override
    public Endpoint endpoint() {
        return Endpoint.TRACK_METADATA;
    }

    /** Everything but secrets: API keys in the body, X-API-KEY and Authorization are masked. */
    @Override
    public String toString() {
        return Recordings.describe(
                this,
                "RecordedTrack",
                Recordings.fields(
                        "requestId", requestId, "metadata", CallReport.sorted(metadata)));
    }
}
