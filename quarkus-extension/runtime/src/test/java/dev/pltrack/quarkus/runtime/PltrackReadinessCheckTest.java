package dev.pltrack.quarkus.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.delivery.DeliveryEngine;
import jakarta.enterprise.inject.Instance;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/**
 * The readiness check shows the core's judgement as it is: up, down with the reason, or up and
 * disabled; never the key. (The example's {@code @QuarkusTest} sees it through {@code /q/health}.)
 */
class PltrackReadinessCheckTest {

    private static final String KEY = "pl_health_secret_0123456789";

    @Test
    void upWhileTheEngineRunsThenDownWithTheReasonOnceItIsClosed() {
        DeliveryEngine engine = DeliveryEngine.start(PromptLayerClient.create(PromptLayerConfig.builder()
                .apiKey(KEY).baseUrl("http://127.0.0.1:9").build()));
        PltrackReadinessCheck check = new PltrackReadinessCheck(config(true), instanceOf(engine));

        HealthCheckResponse up = check.call();
        assertThat(up.getName()).isEqualTo("promptlayer");
        assertThat(up.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(up.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("capacity", 10_000L));

        engine.close();
        HealthCheckResponse down = check.call();
        assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(down.getData()).hasValueSatisfying(data -> assertThat(data).containsKey("reason"));
        assertThat(String.valueOf(up.getData()) + down.getData()).doesNotContain(KEY);
    }

    @Test
    void disabledTrackingIsUpAndSaysSo() {
        HealthCheckResponse response = new PltrackReadinessCheck(config(false), instanceOf(null)).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData()).contains(Map.of("enabled", false));
    }

    private static PromptLayerRuntimeConfig config(boolean enabled) {
        return (PromptLayerRuntimeConfig) Proxy.newProxyInstance(PromptLayerRuntimeConfig.class.getClassLoader(),
                new Class<?>[] {PromptLayerRuntimeConfig.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("enabled")) {
                        return enabled;
                    }
                    throw new AssertionError("the health check should not call " + method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private static Instance<DeliveryEngine> instanceOf(DeliveryEngine engine) {
        return (Instance<DeliveryEngine>) Proxy.newProxyInstance(Instance.class.getClassLoader(),
                new Class<?>[] {Instance.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("get") && engine != null) {
                        return engine;
                    }
                    throw new AssertionError("the health check should not call " + method.getName());
                });
    }
}
