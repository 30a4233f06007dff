package dev.pltrack.client;

import dev.pltrack.client.InvalidTrackRequestException.Violation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a metadata map from any Java values, turning each into text with
 * {@link MetadataValues#toText}; a {@code null} value leaves its key out. Order is kept; a key put
 * twice keeps its first position and its last value.
 *
 * <pre>{@code
 * client.track(requestId, Metadata.builder()
 *         .put("user_id", 42)
 *         .put("session_id", sessionUuid)
 *         .put("plan", Plan.PRO)
 *         .build());
 * }</pre>
 */
public final class Metadata {

    private Metadata() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Converts every value of {@code values} to text, leaving out keys whose value is null. */
    public static Map<String, String> of(Map<String, ?> values) {
        Builder builder = builder();
        values.forEach(builder::put);
        return builder.build();
    }

    /** Collects entries in order. */
    public static final class Builder {
        private final Map<String, String> entries = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @throws InvalidTrackRequestException if the value cannot be turned into text
         */
        public Builder put(String key, Object value) {
            String text;
            try {
                text = MetadataValues.toText(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidTrackRequestException(
                        List.of(new Violation(TrackRequestValidator.fieldName(String.valueOf(key)), e.getMessage())));
            }
            if (text == null) {
                entries.remove(key);
            } else {
                entries.put(key, text);
            }
            return this;
        }

        public Builder putAll(Map<String, ?> values) {
            values.forEach(this::put);
            return this;
        }

        /** An unmodifiable map, in insertion order. */
        public Map<String, String> build() {
            return Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }
}
