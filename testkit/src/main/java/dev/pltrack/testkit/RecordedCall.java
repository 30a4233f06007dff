package dev.pltrack.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request to one of the fake's endpoints as it arrived, and what the fake answered. Every
 * recording has these; each endpoint's record adds the fields its body carries.
 *
 * <p>{@code toString()} masks API keys, so a recording can go into an assertion message or a CI log.
 */
public sealed interface RecordedCall
        permits RecordedTrack, RecordedLog, RecordedScore, RecordedPromptLink {

    /** The endpoint it was sent to. */
    Endpoint endpoint();

    /**
     * Arrival number among all requests to all endpoints, 1 for the first after start or {@link
     * FakePromptLayer#reset()}.
     */
    long sequence();

    /** When it arrived. */
    Instant receivedAt();

    /** The body exactly as received (UTF-8). */
    String rawBody();

    /**
     * The request headers as received; use {@link #header(String)} to look one up regardless of
     * case.
     */
    Map<String, List<String>> headers();

    /** The body's {@code api_key}, or null if absent or not a string. */
    String apiKeyInBody();

    /** The status answered, or -1 when the connection was dropped or closed. */
    int responseStatus();

    /** Whether PromptLayer would have stored it: valid, right key, and answered as a success. */
    boolean accepted();

    /**
     * The PromptLayer request the call is about: the id a log was given (null unless accepted), or
     * the {@code request_id} a track names (null if absent or not an integer).
     */
    Long requestId();

    /** The first value of the named header, ignoring case, or null if it was not sent. */
    default String header(String name) {
        for (Map.Entry<String, List<String>> header : headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }
}
