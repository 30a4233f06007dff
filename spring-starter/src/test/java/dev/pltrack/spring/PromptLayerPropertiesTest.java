package dev.pltrack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.delivery.OverflowPolicy;
import dev.pltrack.llm.LlmLoggingConfig;
import dev.pltrack.settings.CoreConfigs;
import dev.pltrack.tracking.TrackingConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@link PromptLayerProperties} as Boot binds it: with nothing set, the core's configurations built
 * from it are the core's defaults (the declared defaults cannot drift); set values arrive.
 */
class PromptLayerPropertiesTest {

    private static PromptLayerProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate(PromptLayerProperties.PREFIX, PromptLayerProperties.class);
    }

    @Test
    void unsetPropertiesAreTheCoresDefaults() {
        PromptLayerProperties properties = bind(Map.of("promptlayer.api-key", "pl_properties_test"));
        assertThat(CoreConfigs.client(properties))
                .hasToString(PromptLayerConfig.builder().apiKey("pl_properties_test").build().toString());
        assertThat(CoreConfigs.delivery(properties)).hasToString(DeliveryConfig.defaults().toString());
        assertThat(CoreConfigs.tracking(properties)).hasToString(TrackingConfig.defaults().toString());
        assertThat(CoreConfigs.logging(properties)).hasToString(LlmLoggingConfig.defaults().toString());
        assertThat(bind(Map.of()).apiKey()).isEmpty();
    }

    @Test
    void boundValuesArrive() {
        PromptLayerProperties properties = bind(Map.of("promptlayer.delivery.overflow-policy", "block",
                "promptlayer.delivery.linger", "0", "promptlayer.retry.max-attempts", "2",
                "promptlayer.metadata.environment", "test", "promptlayer.base-url", ""));
        assertThat(properties.delivery().overflowPolicy()).isEqualTo(OverflowPolicy.BLOCK);
        assertThat(properties.delivery().linger()).isEqualTo(Duration.ZERO);
        assertThat(properties.retry().maxAttempts()).isEqualTo(2);
        assertThat(CoreConfigs.tracking(properties).defaultMetadata()).containsExactly(Map.entry("environment", "test"));
    }

    @Test
    void loggingSettingsArrive() {
        PromptLayerProperties properties = bind(Map.of("promptlayer.logging.enabled", "false",
                "promptlayer.logging.include-prompt", "false", "promptlayer.logging.include-completion", "false",
                "promptlayer.logging.tags", "support, eu", "promptlayer.logging.max-content-length", "2000"));
        assertThat(CoreConfigs.logging(properties)).hasToString(LlmLoggingConfig.builder().enabled(false)
                .includePrompt(false).includeCompletion(false).tags(List.of("support", "eu")).maxContentLength(2000)
                .build().toString());
    }

    @Test
    void toStringMasksTheKey() {
        PromptLayerProperties properties = bind(Map.of("promptlayer.api-key", "pl_do_not_print_me",
                "promptlayer.metadata.environment", "secret-ish value"));
        assertThat(properties.toString()).contains("apiKey=****", "metadata keys=[environment]")
                .doesNotContain("pl_do_not_print_me", "secret-ish value");
    }
}
