package dev.pltrack.delivery;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.testkit.FakePromptLayer;
import java.time.Duration;

/** Clients and engines for the delivery tests: pointed at a fake, with short backoffs. */
final class Engines {

    static final RetryPolicy FAST_RETRIES = new RetryPolicy(4, Duration.ofMillis(20), Duration.ofSeconds(2));

    private Engines() {
    }

    static PromptLayerClient clientFor(FakePromptLayer fake) {
        return clientFor(fake.baseUrl(), fake.apiKey(), Duration.ofSeconds(10));
    }

    static PromptLayerClient clientFor(String baseUrl, String apiKey, Duration readTimeout) {
        return PromptLayerClient.create(PromptLayerConfig.builder()
                .apiKey(apiKey)
                .baseUrl(baseUrl)
                .readTimeout(readTimeout)
                .retryPolicy(FAST_RETRIES)
                .build());
    }

    static DeliveryEngine.Builder engineFor(FakePromptLayer fake) {
        return DeliveryEngine.builder(clientFor(fake));
    }

    static DeliveryConfig.Builder config() {
        return DeliveryConfig.builder();
    }
}
