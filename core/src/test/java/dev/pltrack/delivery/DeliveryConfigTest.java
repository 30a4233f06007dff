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
        assertThat(config.maxInFlight()).isEqualTo(64);
        assertThat(config.minInFlight()).isEqualTo(1);
        assertThat(config.overflowPolicy()).isEqualTo(OverflowPolicy.DROP_NEWEST);
        assertThat(config.blockTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.linger()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.maxAge()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void closeOnExitIsOnByDefaultAndTheBuilderChainsPastIt() {
        assertThat(DeliveryConfig.defaults().closeOnExit()).isTrue();
        DeliveryConfig config = DeliveryConfig.builder().closeOnExit(false).queueCapacity(7).build();
        assertThat(config.closeOnExit()).isFalse();
        assertThat(config.queueCapacity()).isEqualTo(7);
    }

    @Test
    void maxAgeMustBeBetweenAMillisecondAndADay() {
        assertThat(DeliveryConfig.builder().maxAge(Duration.ofMillis(1)).build().maxAge()).hasMillis(1);
        assertThat(DeliveryConfig.builder().maxAge(Duration.ofDays(1)).build().maxAge()).isEqualTo(Duration.ofDays(1));
        assertThatThrownBy(() -> DeliveryConfig.builder().maxAge(Duration.ofNanos(999_999)).build())
                .isInstanceOfSatisfying(PromptLayerConfigurationException.class, refused -> assertThat(refused.property())
                        .isEqualTo("promptlayer.delivery.max-age"))
                .hasMessage("promptlayer.delivery.max-age must be between 1 ms and PT24H (was PT0.000999999S)");
        assertThatThrownBy(() -> DeliveryConfig.builder().maxAge(Duration.ofDays(1).plusMillis(1)).build())
                .hasMessage("promptlayer.delivery.max-age must be between 1 ms and PT24H (was PT24H0.001S)");
        assertThatThrownBy(() -> DeliveryConfig.builder().maxAge(null).build())
                .hasMessage("promptlayer.delivery.max-age must be between 1 ms and PT24H (was null)");
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
    void maxInFlightMustBeBetweenOneAndTheCap() {
        assertThatThrownBy(() -> DeliveryConfig.builder().maxInFlight(0).build())
                .isInstanceOf(PromptLayerConfigurationException.class)
                .hasMessage("promptlayer.delivery.max-in-flight must be between 1 and 1024 (was 0)");
        assertThatThrownBy(() -> DeliveryConfig.builder().maxInFlight(1025).build())
                .hasMessage("promptlayer.delivery.max-in-flight must be between 1 and 1024 (was 1025)");
        assertThat(DeliveryConfig.builder().maxInFlight(1024).build().maxInFlight()).isEqualTo(1024);
    }

    @Test
    void minInFlightMustNotExceedMaxInFlight() {
        assertThatThrownBy(() -> DeliveryConfig.builder().maxInFlight(8).minInFlight(9).build())
                .hasMessage("promptlayer.delivery.min-in-flight must be between 1 and"
                        + " promptlayer.delivery.max-in-flight (8) (was 9)");
        assertThatThrownBy(() -> DeliveryConfig.builder().minInFlight(0).build())
                .hasMessageStartingWith("promptlayer.delivery.min-in-flight must be between 1");
        assertThat(DeliveryConfig.builder().maxInFlight(8).minInFlight(8).build().minInFlight()).isEqualTo(8);
    }

    @Test
    @SuppressWarnings("deprecation")
    void workersIsRetiredWithAnErrorThatNamesItsReplacement() {
        assertThatThrownBy(() -> DeliveryConfig.builder().workers(4).build())
                .isInstanceOf(PromptLayerConfigurationException.class)
                .hasMessageContaining("promptlayer.delivery.workers is retired (was 4)")
                .hasMessageContaining("promptlayer.delivery.max-in-flight")
                .satisfies(e -> assertThat(((PromptLayerConfigurationException) e).property())
                        .isEqualTo("promptlayer.delivery.workers"));
        assertThat(DeliveryConfig.builder().workers(null).build().maxInFlight()).isEqualTo(64);
    }

    @Test
    void aShutdownTimeoutBeyondADayIsRefusedRatherThanOverflowingLater() {
        assertThatThrownBy(() -> DeliveryConfig.builder().shutdownTimeout(Duration.ofSeconds(Long.MAX_VALUE)).build())
                .isInstanceOf(PromptLayerConfigurationException.class)
                .hasMessageStartingWith("promptlayer.delivery.shutdown-timeout must be at most PT24H");
    }

    @Test
    void aShutdownTimeoutOfExactlyADayIsAllowed() {
        assertThat(DeliveryConfig.builder().shutdownTimeout(Duration.ofDays(1)).build().shutdownTimeout())
                .isEqualTo(Duration.ofDays(1));
    }

    @Test
    void toStringNamesEverySetting() {
        assertThat(DeliveryConfig.builder().queueCapacity(10).maxInFlight(8).minInFlight(2).build()).hasToString(
                "DeliveryConfig{queueCapacity=10, maxInFlight=8, minInFlight=2, overflowPolicy=DROP_NEWEST,"
                        + " blockTimeout=PT1S, shutdownTimeout=PT10S, linger=PT0.05S, closeOnExit=true, maxAge=PT10M}");
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
