package dev.pltrack.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerClientCustomizer;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.testkit.FakePromptLayer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A PromptLayerClientCustomizer bean adjusts the client the module builds. */
class ClientCustomizerTest {

    private static final FakePromptLayer FAKE = FakePromptLayer.start();

    @AfterAll
    static void stop() {
        FAKE.close();
    }

    @Test
    void aCustomizerBeanAddsItsRequestInterceptorToTheModulesClient() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "promptlayer.api-key", FAKE.apiKey(),
                "promptlayer.base-url", FAKE.baseUrl(),
                "test.customizer", "true"))) {
            context.getBean(PromptLayerClient.class).track(TrackRequest.of(51L, Map.of("k", "v")));

            FAKE.awaitAccepted(1, Duration.ofSeconds(5));
            assertThat(FAKE.received().get(0).header("X-Customized")).isEqualTo("micronaut");
        }
    }

    @Factory
    @Requires(property = "test.customizer", value = "true")
    static class Customizers {

        @Singleton
        PromptLayerClientCustomizer header() {
            return client -> client.requestInterceptor(template -> template.header("X-Customized", "micronaut"));
        }
    }
}
