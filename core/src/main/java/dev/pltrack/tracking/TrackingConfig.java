package dev.pltrack.tracking;

import dev.pltrack.client.MetadataKeys;
import dev.pltrack.client.MetadataValues;
import dev.pltrack.client.PromptLayerConfigurationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code @TrackMetadata} does around a call: {@code promptlayer.enabled},
 * {@code promptlayer.strict} and the {@code promptlayer.metadata.<key>} defaults.
 */
public final class TrackingConfig {

    public static final String ENABLED_PROPERTY = "promptlayer.enabled";
    public static final String STRICT_PROPERTY = "promptlayer.strict";
    public static final String METADATA_PREFIX = "promptlayer.metadata.";

    private final boolean enabled;
    private final boolean strict;
    private final Map<String, String> defaultMetadata;

    private TrackingConfig(Builder builder) {
        this.enabled = builder.enabled;
        this.strict = builder.strict;
        this.defaultMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(builder.defaultMetadata));
    }

    public static Builder builder() {
        return new Builder();
    }

    public static TrackingConfig defaults() {
        return builder().build();
    }

    /** Off: annotated methods run untouched and nothing is sent. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * On: a track that cannot be made (no request id, invalid metadata, a misused annotation, a full
     * queue) throws {@link TrackingException} to the caller after the method returned, instead of
     * being counted and logged. For tests and development; off by default.
     */
    public boolean strict() {
        return strict;
    }

    /** Metadata added to every track, below every other source. */
    public Map<String, String> defaultMetadata() {
        return defaultMetadata;
    }

    @Override
    public String toString() {
        return "TrackingConfig{enabled=" + enabled + ", strict=" + strict + ", defaultMetadata keys="
                + defaultMetadata.keySet() + "}";
    }

    public static final class Builder {
        private boolean enabled = true;
        private boolean strict;
        private final Map<String, String> defaultMetadata = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /**
         * Adds a default entry ({@code promptlayer.metadata.<key>=<value>}); a {@code null} value
         * removes it.
         *
         * @throws PromptLayerConfigurationException if the key is blank or longer than 1024 characters
         */
        public Builder defaultMetadata(String key, Object value) {
            String property = METADATA_PREFIX + key;
            String rule = MetadataKeys.ruleBroken(key);
            if (rule != null) {
                throw new PromptLayerConfigurationException(property, property + ": the key " + rule);
            }
            String text;
            try {
                text = MetadataValues.toText(value);
            } catch (IllegalArgumentException e) {
                throw new PromptLayerConfigurationException(property, property + " " + e.getMessage());
            }
            if (text == null) {
                defaultMetadata.remove(key);
            } else {
                defaultMetadata.put(key, text);
            }
            return this;
        }

        /** Adds every entry of {@code values}, as {@link #defaultMetadata(String, Object)} does. */
        public Builder defaultMetadata(Map<String, ?> values) {
            values.forEach(this::defaultMetadata);
            return this;
        }

        public TrackingConfig build() {
            return new TrackingConfig(this);
        }
    }
}
