package dev.pltrack.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Default metadata given as a map, and what the configuration shows of itself (keys, never values). */
class TrackingConfigTest {

    @Test
    void defaultMetadataFromAMapIsAddedEntryByEntry() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("service", "billing");
        values.put("replicas", 3);

        TrackingConfig config = TrackingConfig.builder().defaultMetadata("region", "eu").defaultMetadata(values).build();

        assertThat(config.defaultMetadata()).containsExactly(Map.entry("region", "eu"), Map.entry("service", "billing"),
                Map.entry("replicas", "3"));
        assertThat(config).hasToString("TrackingConfig{enabled=true, strict=false, defaultMetadata keys=[region, service,"
                + " replicas]}");
    }
}
