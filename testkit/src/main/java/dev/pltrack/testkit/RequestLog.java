package dev.pltrack.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What PromptLayer would show for one request log: the logged call, with what later tracks added to
 * it. Returned by {@link FakePromptLayer#loggedRequest(long)}; a snapshot that later requests do not
 * change.
 *
 * @param id the request id the fake gave the log
 * @param log the accepted {@code /log-request} call
 * @param metadata the log's metadata merged with the accepted tracks for the id, in arrival order,
 *     a later value replacing an earlier one for the same key
 * @param scores score name to score, in order of first appearance, later scores of a name winning
 *     (see {@link FakePromptLayer#scoresFor(long)})
 * @param promptLink the latest accepted {@code /rest/track-prompt} for the id, or null if none
 */
public record RequestLog(
        long id,
        RecordedLog log,
        Map<String, String> metadata,
        Map<String, Integer> scores,
        RecordedPromptLink promptLink) {

    /** Copies the maps, so the snapshot never changes. */
    public RequestLog {
        Objects.requireNonNull(log, "log");
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }
}
