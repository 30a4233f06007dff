package dev.pltrack.micronaut;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.client.FailureReason;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.micronaut.beans.ChatService;
import dev.pltrack.micronaut.beans.UserBeans;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.Fault;
import dev.pltrack.tracking.TrackMetadataHandler;
import dev.pltrack.tracking.TrackingConfig;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An application's own bean of one of pltrack's types replaces pltrack's (which is declared
 * {@code @Requires(missingBeans = ...)}); the rest are built on it.
 */
class UserBeansTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final FakePromptLayer FAKE = FakePromptLayer.start();

    @BeforeEach
    void reset() {
        FAKE.reset();
        UserBeans.DEAD_LETTERS.clear();
    }

    @AfterAll
    static void stop() {
        FAKE.close();
    }

    @Test
    void aUserClientReplacesOursAndNeedsNoPromptLayerKeyProperty() {
        try (ApplicationContext context = run(Map.of("test.user-client", "true"))) {
            // Started without promptlayer.api-key: our PromptLayerConfig, which needs it, was never built.
            assertThat(context.getBeansOfType(PromptLayerClient.class)).hasSize(1);
            assertThat(context.getBean(DeliveryEngine.class).client()).isSameAs(context.getBean(PromptLayerClient.class));

            context.getBean(ChatService.class).rateLong(1101L, 4);

            FAKE.awaitAccepted(1, WAIT);
            assertThat(FAKE).hasTracked(1101, Map.of("rating", "4"));
        }
    }

    @Test
    void aUserEngineReplacesOursAndTheHandlerSendsThroughIt() throws InterruptedException {
        try (ApplicationContext context = run(Map.of("test.user-engine", "true"))) {
            assertThat(context.getBeansOfType(DeliveryEngine.class)).hasSize(1);
            DeliveryEngine engine = context.getBean(DeliveryEngine.class);

            context.getBean(ChatService.class).rateLong(1102L, 5);

            FAKE.awaitAccepted(1, WAIT);
            assertThat(FAKE).hasTracked(1102, Map.of("rating", "5"));
            engine.flush(WAIT);
            assertThat(engine.stats().delivered()).isEqualTo(1);
        }
    }

    @Test
    void aUserTrackingConfigReplacesTheOneBuiltFromProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("test.user-tracking-config", "true");
        properties.put("promptlayer.api-key", FAKE.apiKey());
        properties.put("promptlayer.base-url", FAKE.baseUrl());
        properties.put("promptlayer.metadata.environment", "from-properties");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThat(context.getBeansOfType(TrackingConfig.class)).hasSize(1);
            assertThat(context.getBean(TrackMetadataHandler.class).config().defaultMetadata())
                    .isEqualTo(Map.of("origin", "user-bean"));

            context.getBean(ChatService.class).rateLong(1103L, 3);

            FAKE.awaitAccepted(1, WAIT);
            assertThat(FAKE).hasTracked(1103, Map.of("origin", "user-bean", "rating", "3"));
        }
    }

    @Test
    void replacesWorksToo() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("test.replaces", "true");
        properties.put("promptlayer.api-key", FAKE.apiKey());
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThat(context.getBeansOfType(DeliveryConfig.class)).hasSize(1);
            assertThat(context.getBean(DeliveryEngine.class).config().queueCapacity()).isEqualTo(123);
        }
    }

    @Test
    void aDeadLetterHandlerBeanReceivesWhatCouldNotBeDelivered() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("test.dead-letters", "true");
        properties.put("promptlayer.api-key", FAKE.apiKey());
        properties.put("promptlayer.base-url", FAKE.baseUrl());
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            FAKE.failNext(1, Fault.status(400));

            context.getBean(ChatService.class).rateLong(1104L, 1);

            Awaitility.await().atMost(WAIT).until(() -> !UserBeans.DEAD_LETTERS.isEmpty());
            assertThat(UserBeans.DEAD_LETTERS).singleElement().satisfies(letter -> {
                assertThat(((TrackRequest) letter.submission()).requestId()).isEqualTo(1104L);
                assertThat(letter.reason()).isEqualTo(FailureReason.BAD_REQUEST);
            });
        }
    }

    private static ApplicationContext run(Map<String, Object> switches) {
        Map<String, Object> properties = new HashMap<>(switches);
        properties.put("test.fake.key", FAKE.apiKey());
        properties.put("test.fake.url", FAKE.baseUrl());
        return ApplicationContext.run(properties);
    }
}
