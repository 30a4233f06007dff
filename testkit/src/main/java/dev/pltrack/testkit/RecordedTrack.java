package dev.pltrack.testkit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request to the track endpoint as the fake saw it, and what it answered.
 *
 * <p>Kept so that a test can check what a client really put on the wire (body, headers) and not
 * only what it meant to send. {@link #toString()} masks API keys, so a recording can go into an
 * assertion message or a CI log.
 *
 * @param sequence arrival number, 1 for the first request after start or {@link
 *     FakePromptLayer#reset()}
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
        boolean accepted) {

    private static final int MAX_BODY_IN_TO_STRING = 500;

    /** Copies the maps, so a recording never changes after the fact. */
    public RecordedTrack {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(rawBody, "rawBody");
        headers = immutableHeaders(Objects.requireNonNull(headers, "headers"));
        metadata =
                metadata == null
                        ? null
                        : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The first value of the named header, ignoring case, or null if it was not sent. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    /** Everything but secrets: API keys in the body, X-API-KEY and Authorization are masked. */
    @Override
    public String toString() {
        String headerKey = header("X-API-KEY");
        String body = Secrets.redactBody(rawBody, apiKeyInBody, headerKey);
        if (body.length() > MAX_BODY_IN_TO_STRING) {
            body =
                    body.substring(0, MAX_BODY_IN_TO_STRING)
                            + "... ("
                            + rawBody.length()
                            + " chars)";
        }
        return "RecordedTrack[sequence="
                + sequence
                + ", receivedAt="
                + receivedAt
                + ", responseStatus="
                + responseStatus
                + ", accepted="
                + accepted
                + ", requestId="
                + requestId
                + ", metadata="
                + TrackReport.sorted(metadata)
                + ", apiKeyInBody="
                + Secrets.mask(apiKeyInBody)
                + ", headers="
                + maskedHeaders()
                + ", rawBody="
                + body
                + "]";
    }

    private Map<String, Object> maskedHeaders() {
        Map<String, Object> shown = new LinkedHashMap<>();
        headers.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER))
                .forEach(
                        header ->
                                shown.put(
                                        header.getKey(),
                                        Secrets.isCredentialHeader(header.getKey())
                                                ? header.getValue().stream()
                                                        .map(Secrets::mask)
                                                        .toList()
                                                : header.getValue()));
        return shown;
    }

    private static Map<String, List<String>> immutableHeaders(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers.size() * 2);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Map.copyOf(copy);
    }
}
