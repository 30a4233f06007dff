package dev.pltrack.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one {@link PltrackHealthCheck#check()}: up or down, why when down, and details
 * (counters and gauges as numbers and text, never the API key) for a health endpoint to show.
 *
 * @param up      whether tracks can be delivered
 * @param reason  why not, in one sentence that says what to do; null when up
 * @param details ordered name/value pairs
 */
public record PltrackHealth(boolean up, String reason, Map<String, Object> details) {

    public PltrackHealth {
        if (!up) {
            Objects.requireNonNull(reason, "reason");
        }
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
