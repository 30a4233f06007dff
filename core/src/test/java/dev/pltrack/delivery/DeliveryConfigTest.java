package dev.pltrack.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pltrack.client.PromptLayerConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Delivery settings: the documented defaults, and errors that name the property and the rule. */
class DeliveryConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        DeliveryConfig config = DeliveryConfig.defaults();
        assertThat(config.queueCapacity()).isEqualTo(10_000);
        assertThat(config.workers()).isEqualTo(2);
        assertThat(config.overflowPolicy()).isEqualTo(OverflowPolicy.DROP_NEWEST);
        assertThat(config.blockTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.linger()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void aQueueCapacityBelowOneIsRefusedByName() {
        assertThatThrownBy(() -> DeliveryConfig.builder().queueCapacity(0).build())
                .isInstanceOf(PromptLayerConfigurationException.class)
                .hasMessage("promptlayer.delivery.queue-capacity must be at least 1 (was 0)")
                .satisfies(e -> assertThat(((PromptLayerConfigurationException) e).property())
                        .isEqualTo("promptlayer.delivery.queue-capacity"));
    }

    @Test
    void workersMustBeBetweenOneAndSixtyFour() {
        assertThatThrownBy(() -> DeliveryConfig.builder().workers(0).build())
                .hasMessage("promptlayer.delivery.workers must be between 1 and 64 (was 0)");
        assertThatThrownBy(() -> DeliveryConfig.builder().workers(65).build())
                .hasMessage("promptlayer.delivery.workers must be between 1 and 64 (was 65)");
    }

    @Test
    void negativeOrMissingDurationsAreRefusedByName() {
        assertThatThrownBy(() -> DeliveryConfig.builder().shutdownTimeout(Duration.ofSeconds(-1)).build())
                .hasMessage("promptlayer.delivery.shutdown-timeout must be a duration of zero or more (was PT-1S)");
        assertThatThrownBy(() -> DeliveryConfig.builder().blockTimeout(null).build())
                .hasMessage("promptlayer.delivery.block-timeout must be a duration of zero or more (was null)");
        assertThatThrownBy(() -> DeliveryConfig.builder().linger(Duration.ofMillis(-5)).build())
                .hasMessage("promptlayer.delivery.linger must be a duration of zero or more (was PT-0.005S)");
        assertThatThrownBy(() -> DeliveryConfig.builder().overflowPolicy(null).build())
                .hasMessageStartingWith("promptlayer.delivery.overflow-policy must be");
    }
}
