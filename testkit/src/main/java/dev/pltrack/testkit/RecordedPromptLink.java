package dev.pltrack.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request to {@code POST /rest/track-prompt} as the fake saw it, and what it answered: the
 * link of a request to a prompt template version or release label.
 *
 * @param sequence arrival number among all requests to the fake, 1 for the first after start or
 *     {@link FakePromptLayer#reset()}
 * @param receivedAt when the request arrived
 * @param rawBody the body exactly as received (UTF-8)
 * @param headers the request headers as received
 * @param requestId the body's {@code request_id}, or null if absent or not an integer
 * @param promptName the body's {@code prompt_name}, or null if absent or not a string
 * @param promptInputVariables the body's {@code prompt_input_variables}, or null if absent or not an
 *     object; {@link #promptInputVariables()} returns a copy
 * @param version the body's {@code version} as text ({@code 2} gives "2"), or null if absent, null
 *     or neither an integer nor a string
 * @param label the body's {@code label}, or null if absent, null or not a string
 * @param apiKeyInBody the body's {@code api_key}, or null if absent or not a string
 * @param responseStatus the status answered, or -1 when the connection was dropped or closed
 * @param accepted whether it was answered {@code 200 {"success":true}} and so stored
 */
public record RecordedPromptLink(
        long sequence,
        Instant receivedAt,
        String rawBody,
        Map<String, List<String>> headers,
        Long requestId,
        String promptName,
        ObjectNode promptInputVariables,
        String version,
        String label,
        String apiKeyInBody,
        int responseStatus,
        boolean accepted)
        implements RecordedCall {

    /** Copies what it is given, so a recording never changes after the fact. */
    public RecordedPromptLink {
        headers = Recordings.checkedHeaders(receivedAt, rawBody, headers);
        promptInputVariables = promptInputVariables == null ? null : promptInputVariables.deepCopy();
    }

    /** Always {@link Endpoint#TRACK_PROMPT}. */
    @Override
    public Endpoint endpoint() {
        return Endpoint.TRACK_PROMPT;
    }

    /** A copy: changing it changes nothing here. */
    @Override
    public ObjectNode promptInputVariables() {
        return promptInputVariables == null ? null : promptInputVariables.deepCopy();
    }

    /** Everything but secrets: API keys in the body, X-API-KEY and Authorization are masked. */
    @Override
    public String toString() {
        return Recordings.describe(
                this,
                "RecordedPromptLink",
                Recordings.fields(
                        "requestId", requestId,
                        "promptName", promptName,
                        "version", version,
                        "label", label));
    }
}
