package dev.pltrack.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.metrics.PltrackMeterBinder;
import dev.pltrack.micronaut.beans.Answer;
import dev.pltrack.micronaut.beans.ChatService;
import dev.pltrack.micronaut.health.PltrackHealthIndicator;
import dev.pltrack.tracking.TrackMetadataHandler;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code promptlayer.enabled=false}: no pltrack bean at all, no key needed, annotated beans run untouched. */
class DisabledTest {

    @Test
    void disabledStartsWithoutAKeyAndCreatesNoPltrackBean() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("promptlayer.enabled", "false"))) {
            assertThat(context.findBean(PromptLayerProperties.class)).isEmpty();
            assertThat(context.findBean(PromptLayerConfig.class)).isEmpty();
            assertThat(context.findBean(PromptLayerClient.class)).isEmpty();
            assertThat(context.findBean(DeliveryEngine.class)).isEmpty();
            assertThat(context.findBean(TrackMetadataHandler.class)).isEmpty();
            assertThat(context.findBean(TrackMetadataInterceptor.class)).isEmpty();
            assertThat(context.findBean(PltrackMeterBinder.class)).isEmpty();
            assertThat(context.findBean(PltrackHealthIndicator.class)).isEmpty();
        }
    }

    @Test
    void annotatedMethodsRunUntouchedWhenDisabled() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("promptlayer.enabled", "false"))) {
            ChatService chat = context.getBean(ChatService.class);

            Answer answer = chat.answer("user-1", UUID.randomUUID(), "hello?");

            assertThat(answer).isSameAs(chat.lastReturned);
            assertThatThrownBy(() -> chat.failing(5L, "user-1")).isSameAs(chat.lastThrown);
        }
    }
}
