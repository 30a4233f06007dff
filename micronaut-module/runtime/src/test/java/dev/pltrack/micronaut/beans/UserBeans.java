package dev.pltrack.micronaut.beans;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.delivery.DeadLetter;
import dev.pltrack.delivery.DeadLetterHandler;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.tracking.TrackingConfig;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Beans an application may define itself, each switched on by a test property so that other tests
 * never see them. The fake's address and key come in as {@code test.fake.*}.
 */
@Factory
public class UserBeans {

    public static final List<DeadLetter> DEAD_LETTERS = new CopyOnWriteArrayList<>();

    @Singleton
    @Requires(property = "test.user-client", value = "true")
    PromptLayerClient userClient(@Value("${test.fake.key}") String key, @Value("${test.fake.url}") String url) {
        return PromptLayerClient.create(PromptLayerConfig.builder().apiKey(key).baseUrl(url).build());
    }

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "test.user-engine", value = "true")
    DeliveryEngine userEngine(@Value("${test.fake.key}") String key, @Value("${test.fake.url}") String url) {
        return DeliveryEngine.start(PromptLayerClient.create(PromptLayerConfig.builder().apiKey(key).baseUrl(url).build()));
    }

    @Singleton
    @Requires(property = "test.user-tracking-config", value = "true")
    TrackingConfig userTrackingConfig() {
        return TrackingConfig.builder().defaultMetadata("origin", "user-bean").build();
    }

    /** Micronaut's own idiom for replacing a bean works as well. */
    @Singleton
    @Replaces(DeliveryConfig.class)
    @Requires(property = "test.replaces", value = "true")
    DeliveryConfig replacingDeliveryConfig() {
        return DeliveryConfig.builder().queueCapacity(123).build();
    }

    @Singleton
    @Requires(property = "test.dead-letters", value = "true")
    DeadLetterHandler recordingDeadLetters() {
        return DEAD_LETTERS::add;
    }
}
