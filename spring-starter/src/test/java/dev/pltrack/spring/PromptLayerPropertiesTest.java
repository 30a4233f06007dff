package dev.pltrack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.client.HttpLogging;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.delivery.DeliveryConfig;
import org.junit.jupiter.api.Test;

/**
 * The defaults written in {@link PromptLayerProperties} (for the IDE metadata) are the core's: this
 * test fails the day one of them drifts.
 */
class PromptLayerPropertiesTest {

    private final PromptLayerProperties properties = new PromptLayerProperties();

    @Test
    void clientDefaultsAreTheCores() {
        assertThat(properties.isEnabled()).isTrue();
        assertThat(properties.getApiKey()).isNull();
        assertThat(properties.getBaseUrl()).isEqualTo(PromptLayerConfig.DEFAULT_BASE_URL);
        assertThat(properties.getConnectTimeout()).isEqualTo(PromptLayerConfig.DEFAULT_CONNECT_TIMEOUT);
        assertThat(properties.getReadTimeout()).isEqualTo(PromptLayerConfig.DEFAULT_READ_TIMEOUT);
        assertThat(properties.isAllowInsecureHttp()).isFalse();
        assertThat(properties.getHttpLogging()).isEqualTo(HttpLogging.NONE);
        assertThat(properties.isStrict()).isFalse();
        assertThat(properties.getMetadata()).isEmpty();
        assertThat(properties.getRetry().getMaxAttempts()).isEqualTo(RetryPolicy.DEFAULT_MAX_ATTEMPTS);
        assertThat(properties.getRetry().getInitialBackoff()).isEqualTo(RetryPolicy.DEFAULT_INITIAL_BACKOFF);
        assertThat(properties.getRetry().getMaxBackoff()).isEqualTo(RetryPolicy.DEFAULT_MAX_BACKOFF);
    }

    @Test
    void deliveryDefaultsAreTheCores() {
        PromptLayerProperties.Delivery delivery = properties.getDelivery();
        assertThat(delivery.getQueueCapacity()).isEqualTo(DeliveryConfig.DEFAULT_QUEUE_CAPACITY);
        assertThat(delivery.getWorkers()).isEqualTo(DeliveryConfig.DEFAULT_WORKERS);
        assertThat(delivery.getOverflowPolicy()).isEqualTo(DeliveryConfig.DEFAULT_OVERFLOW_POLICY);
        assertThat(delivery.getBlockTimeout()).isEqualTo(DeliveryConfig.DEFAULT_BLOCK_TIMEOUT);
        assertThat(delivery.getShutdownTimeout()).isEqualTo(DeliveryConfig.DEFAULT_SHUTDOWN_TIMEOUT);
        assertThat(delivery.getLinger()).isEqualTo(DeliveryConfig.DEFAULT_LINGER);
        assertThat(properties.toDeliveryConfig()).hasToString(DeliveryConfig.defaults().toString());
    }

    @Test
    void toStringMasksTheKey() {
        properties.setApiKey("pl_do_not_print_me");
        properties.getMetadata().put("environment", "secret-ish value");
        assertThat(properties.toString()).contains("apiKey=****", "metadata keys=[environment]")
                .doesNotContain("pl_do_not_print_me", "secret-ish value");
    }
}
