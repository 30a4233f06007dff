package dev.pltrack.client;

import dev.pltrack.testkit.FakePromptLayer;
import java.time.Duration;

/** Clients pointed at a fake PromptLayer, with short backoffs so retry tests stay quick. */
final class FakeBackedClients {

    static final RetryPolicy FAST_RETRIES = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofSeconds(2));

    private FakeBackedClients() {
    }

    static PromptLayerConfig.Builder configFor(FakePromptLayer fake) {
        return PromptLayerConfig.builder()
                .apiKey(fake.apiKey())
                .baseUrl(fake.baseUrl())
                .retryPolicy(FAST_RETRIES);
    }

    static PromptLayerClient clientFor(FakePromptLayer fake) {
        return PromptLayerClient.create(configFor(fake).build());
    }
}
