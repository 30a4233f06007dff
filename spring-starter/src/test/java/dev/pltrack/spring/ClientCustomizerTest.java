package dev.pltrack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerClientCustomizer;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A PromptLayerClientCustomizer bean adjusts the client the starter builds, in the beans' order. */
class ClientCustomizerTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PromptLayerAutoConfiguration.class))
            .withPropertyValues("promptlayer.api-key=" + promptLayer.apiKey(),
                    "promptlayer.base-url=" + promptLayer.baseUrl());

    @Test
    void customizerBeansApplyToTheStartersClientInOrder() {
        runner.withBean("second", PromptLayerClientCustomizer.class, () -> new Ordered(2, "second"))
                .withBean("first", PromptLayerClientCustomizer.class, () -> new Ordered(1, "first"))
                .run(context -> {
                    context.getBean(PromptLayerClient.class).track(TrackRequest.of(41L, Map.of("k", "v")));
                    FakePromptLayer fake = promptLayer.server();
                    fake.awaitAccepted(1, Duration.ofSeconds(5));
                    assertThat(fake.received().get(0).header("X-Applied")).isEqualTo("first,second");
                });
    }

    /** Adds its name to one header, after the names of the customizers applied before it. */
    private record Ordered(int order, String name) implements PromptLayerClientCustomizer, org.springframework.core.Ordered {

        @Override
        public void customize(PromptLayerClient.Builder client) {
            client.requestInterceptor(template -> {
                String before = template.headers().getOrDefault("X-Applied", java.util.List.of()).stream()
                        .findFirst().map(value -> value + ",").orElse("");
                template.removeHeader("X-Applied");
                template.header("X-Applied", before + name);
            });
        }

        @Override
        public int getOrder() {
            return order;
        }
    }
}
