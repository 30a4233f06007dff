package dev.pltrack.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request to {@code POST /rest/track-score} as the fake saw it, and what it answered.
 *
 * @param sequence arrival number among all requests to the fake, 1 for the first after start or
 *     {@link FakePromptLayer#reset()}
 * @param receivedAt when the request arrived
 * @param rawBody the body exactly as received (UTF-8)
 * @param headers the request headers as received
 * @param requestId the body's {@code request_id}, or null if absent or not an integer
 * @param name the score's name: {@code default} when the body named none (or null), null when the
 *     name was not a string
 * @param score the body's {@code score}, or null if absent or not an integer
 * @param apiKeyInBody the body's {@code api_key}, or null if absent or not a string
 * @param responseStatus the status answered, or -1 when the connection was dropped or closed
 * @param accepted whether it was answered {@code 200 {"success":true}} and so stored
 */
public record RecordedScore(
        long sequence,
        Instant receivedAt,
        String rawBody,
        Map<String, List<String>> headers,
        Long requestId,
        String name,
        Integer score,
        String apiKeyInBody,
        int responseStatus,
        boolean accepted)
        implements RecordedCall {

    /** Copies the headers, so a recording never changes after the fact. */
    public RecordedScore {
        headers = Recordings.checkedHeaders(receivedAt, rawBody, headers);
    }

    /** Always {@link Endpoint#TRACK_SCORE}. */
    @Override
    public Endpoint endpoint() {
        return Endpoint.TRACK_SCORE;
    }

    /** Everything but secrets: API keys in the body, X-API-KEY and Authorization are masked. */
    @Override
    public String toString() {
        return Recordings.describe(
                this,
                "RecordedScore",
                Recordings.fields("requestId", requestId, "name", name, "score", score));
    }
}
