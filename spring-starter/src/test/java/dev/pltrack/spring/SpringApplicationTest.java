package dev.pltrack.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.spring.health.PltrackHealthAutoConfiguration;
import dev.pltrack.spring.health.boot3.PltrackBoot3HealthAutoConfiguration;
import dev.pltrack.spring.metrics.PltrackMetricsAutoConfiguration;
import dev.pltrack.spring.services.RequestIdService;
import dev.pltrack.testkit.FakePromptLayerExtension;
import dev.pltrack.tracking.TrackMetadataHandler;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A real {@code SpringApplication}: the start-up failure report Boot prints for a missing key, and
 * the API key never showing in logs, {@code toString()}s or health, even with full HTTP logging.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringApplicationTest {

    /** Not the fake's default key, so that nothing else could print it by chance. */
    private static final String SECRET = "pl_secret_7d41e0b2c9f84a11";

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension(SECRET);

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({PromptLayerAutoConfiguration.class, PltrackMetricsAutoConfiguration.class,
            PltrackHealthAutoConfiguration.class, PltrackBoot3HealthAutoConfiguration.class})
    static class App {

        @Bean
        RequestIdService requestIdService() {
            return new RequestIdService();
        }
    }

    /**
     * Runs the application with {@code properties} as command-line arguments: they must outrank the
     * empty PROMPTLAYER_* variables that the build sets for every test.
     */
    private static ConfigurableApplicationContext run(String... properties) {
        String[] arguments = Arrays.stream(properties).map(property -> "--" + property).toArray(String[]::new);
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).run(arguments);
    }

    @Test
    void aMissingKeyStopsStartUpWithBootsReportSayingWhatToSet(CapturedOutput output) {
        assertThatThrownBy(() -> run()).hasRootCauseInstanceOf(dev.pltrack.client.MissingApiKeyException.class);
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START",
                "pltrack is enabled but no PromptLayer API key is configured.",
                "Set the property promptlayer.api-key (e.g. in application.properties) or the environment variable"
                        + " PROMPTLAYER_API_KEY. To run without PromptLayer, set promptlayer.enabled=false.");
    }

    @Test
    void theKeyIsNeverPrintedNorShown(CapturedOutput output) throws Exception {
        StringBuilder shown = new StringBuilder();
        try (ConfigurableApplicationContext context = run(
                "promptlayer.api-key=" + SECRET,
                "promptlayer.base-url=" + promptLayer.baseUrl(),
                "promptlayer.http-logging=full",
                "logging.level.dev.pltrack=DEBUG",
                "debug=true")) {
            context.getBean(RequestIdService.class).rateLong(77, 5);
            promptLayer.server().awaitAccepted(1, Duration.ofSeconds(10));
            assertThat(promptLayer.server().metadataFor(77)).isEqualTo(Map.of("source", "long-param", "rating", "5"));
            for (Class<?> type : new Class<?>[] {PromptLayerProperties.class, PromptLayerConfig.class,
                    PromptLayerClient.class, DeliveryEngine.class, TrackMetadataHandler.class}) {
                shown.append(context.getBean(type)).append('\n');
            }
            HealthProbe health = HealthProbe.of(context);
            shown.append(health).append('\n');
            context.getBean(DeliveryEngine.class).close();
            shown.append(HealthProbe.of(context)).append('\n');
        }
        // Wrong settings fail with messages that must not carry the key either.
        assertThatThrownBy(() -> run("promptlayer.api-key=" + SECRET, "promptlayer.base-url=http://example.com"))
                .satisfies(failure -> shown.append(failure).append('\n'));

        String everything = output.getOut() + output.getErr() + shown;
        assertThat(everything).as("proof that HTTP exchanges were logged").contains("/rest/track-metadata");
        assertThat(everything).contains("PromptLayerProperties{enabled=true, apiKey=****");
        assertThat(everything).doesNotContain(SECRET);
    }
}
