package dev.pltrack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.metrics.PltrackMeterBinder;
import dev.pltrack.spring.health.PltrackHealthAutoConfiguration;
import dev.pltrack.spring.health.boot3.PltrackBoot3HealthAutoConfiguration;
import dev.pltrack.spring.metrics.PltrackMetricsAutoConfiguration;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.testkit.FakePromptLayerExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Meters and the health indicator: there when their library is, absent otherwise, and off with
 * pltrack. The health indicator is Boot 4's or Boot 3's, whichever API the classpath has.
 */
class ObservabilityAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PromptLayerAutoConfiguration.class,
                    PltrackMetricsAutoConfiguration.class, PltrackHealthAutoConfiguration.class,
                    PltrackBoot3HealthAutoConfiguration.class))
            .withPropertyValues("promptlayer.api-key=pl_observed_key_93ac");

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    @Test
    void theCoresMetersAreBoundWhenMicrometerIsPresent() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(PltrackMeterBinder.class);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(PltrackMeterBinder.class).bindTo(registry);
            assertThat(registry.find("pltrack.tracks.submitted").meter()).isNotNull();
            assertThat(registry.find("pltrack.queue.capacity").gauge().value()).isEqualTo(10_000.0);
            assertThat(registry.find("pltrack.calls").meters()).isNotEmpty();
        });
    }

    @Test
    void noMetersWithoutMicrometer() {
        runner.withClassLoader(new FilteredClassLoader("io.micrometer")).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(PltrackMeterBinder.class);
            assertThat(context).hasSingleBean(DeliveryEngine.class);
        });
    }

    @Test
    void healthIsUpWhileTheEngineRunsAndDownOnceClosed() {
        runner.run(context -> {
            assertThat(context).hasBean(HealthProbe.BEAN_NAME);
            HealthProbe up = HealthProbe.of(context);
            assertThat(up.status()).isEqualTo("UP");
            assertThat(up.details()).containsEntry("capacity", 10_000).containsEntry("pending", 0);
            context.getBean(DeliveryEngine.class).close();
            HealthProbe down = HealthProbe.of(context);
            assertThat(down.status()).isEqualTo("DOWN");
            assertThat(down.details()).containsEntry("reason", "the delivery engine is closed: tracks are refused");
        });
    }

    @Test
    void healthIsDownWhenPromptLayerRefusesTheKeyAndDoesNotShowIt() {
        String wrongKey = "pl_wrong_key_0b8e77";
        runner.withPropertyValues("promptlayer.api-key=" + wrongKey, "promptlayer.base-url=" + promptLayer.baseUrl(),
                "promptlayer.delivery.linger=0ms").run(context -> {
                    context.getBean(DeliveryEngine.class).offer(TrackRequest.of(42, Map.of("feature", "health")));
                    promptLayer.server().awaitReceived(1, Duration.ofSeconds(10));
                    assertThat(context.getBean(DeliveryEngine.class).flush(Duration.ofSeconds(10))).isTrue();
                    HealthProbe down = HealthProbe.of(context);
                    assertThat(down.status()).isEqualTo("DOWN");
                    assertThat(down.details()).containsEntry("reason",
                            "PromptLayer refused the API key (401/403): check promptlayer.api-key or PROMPTLAYER_API_KEY");
                    assertThat(down.details().toString()).doesNotContain(wrongKey);
                });
    }

    @Test
    void noHealthIndicatorWithoutAHealthApi() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health",
                "org.springframework.boot.actuate.health")).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(HealthProbe.BEAN_NAME);
                });
    }

    @Test
    void theHealthIndicatorCanBeTurnedOffLikeBootsOwn() {
        runner.withPropertyValues("management.health.promptlayer.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(HealthProbe.BEAN_NAME));
        runner.withPropertyValues("management.health.defaults.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(HealthProbe.BEAN_NAME));
        runner.withPropertyValues("management.health.defaults.enabled=false", "management.health.promptlayer.enabled=true")
                .run(context -> assertThat(context).hasBean(HealthProbe.BEAN_NAME));
    }

    @Test
    void nothingWhenPltrackIsDisabled() {
        runner.withPropertyValues("promptlayer.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(PltrackMeterBinder.class)
                    .doesNotHaveBean(HealthProbe.BEAN_NAME);
        });
    }
}
