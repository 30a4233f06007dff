package dev.pltrack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The IDE metadata the configuration processor generated: every property described, defaults shown. */
class ConfigurationMetadataTest {

    /** The starter's own metadata file; Boot's jars carry files of the same name. */
    private static Map<String, JsonNode> properties() throws IOException {
        String starter = PromptLayerProperties.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        URL metadata = Collections.list(PromptLayerProperties.class.getClassLoader()
                        .getResources("META-INF/spring-configuration-metadata.json")).stream()
                .filter(url -> url.getPath().contains(starter))
                .findFirst().orElseThrow(() -> new AssertionError("no generated metadata in " + starter));
        try (InputStream json = metadata.openStream()) {
            Map<String, JsonNode> byName = new LinkedHashMap<>();
            new ObjectMapper().readTree(json).get("properties").forEach(node -> byName.put(node.get("name").asText(), node));
            return byName;
        }
    }

    @Test
    void everyPropertyIsDescribed() throws IOException {
        Map<String, JsonNode> properties = properties();
        assertThat(properties).containsKeys("promptlayer.enabled", "promptlayer.api-key", "promptlayer.base-url",
                "promptlayer.connect-timeout", "promptlayer.read-timeout", "promptlayer.allow-insecure-http",
                "promptlayer.http-logging", "promptlayer.strict", "promptlayer.metadata",
                "promptlayer.retry.max-attempts", "promptlayer.retry.initial-backoff", "promptlayer.retry.max-backoff",
                "promptlayer.delivery.queue-capacity", "promptlayer.delivery.max-in-flight",
                "promptlayer.delivery.min-in-flight", "promptlayer.delivery.workers",
                "promptlayer.delivery.overflow-policy", "promptlayer.delivery.block-timeout",
                "promptlayer.delivery.shutdown-timeout", "promptlayer.delivery.linger", "promptlayer.delivery.max-age");
        properties.forEach((name, node) ->
                assertThat(node.path("description").asText()).as(name + " description").isNotBlank());
    }

    @Test
    void defaultsAreShown() throws IOException {
        Map<String, JsonNode> properties = properties();
        Map<String, String> expected = Map.of(
                "promptlayer.enabled", "true",
                "promptlayer.base-url", "https://api.promptlayer.com",
                "promptlayer.connect-timeout", "2s",
                "promptlayer.read-timeout", "10s",
                "promptlayer.retry.max-attempts", "4",
                "promptlayer.retry.initial-backoff", "500ms",
                "promptlayer.delivery.queue-capacity", "10000",
                "promptlayer.delivery.overflow-policy", "drop-newest",
                "promptlayer.delivery.shutdown-timeout", "10s",
                "promptlayer.delivery.linger", "50ms");
        expected.forEach((name, value) ->
                assertThat(properties.get(name).path("defaultValue").asText()).as(name + " default").isEqualTo(value));
        assertThat(properties.get("promptlayer.delivery.max-age").path("defaultValue").asText()).isEqualTo("10m");
    }
}
