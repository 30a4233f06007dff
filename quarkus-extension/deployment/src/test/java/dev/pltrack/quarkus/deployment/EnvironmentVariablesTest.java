package dev.pltrack.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.client.ApiKey;
import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.testkit.FakePromptLayer;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code PROMPTLAYER_API_KEY} and {@code PROMPTLAYER_BASE_URL}, PromptLayer's own variables, configure
 * the extension with no property set, as any environment variable does under SmallRye Config's naming
 * ({@code PROMPTLAYER_DELIVERY_QUEUE_CAPACITY} too). Surefire runs this class on its own with those
 * variables set (see the pom); a fake listens where the variable points.
 */
// The default surefire run also picks this class when -Dtest names it: without the variables, skipped.
@EnabledIfSystemProperty(named = "pltrack.env-test", matches = "true")
class EnvironmentVariablesTest {

    private static final String KEY = "pl_from_the_environment_0123";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(TrackedService.class, Answer.class, SharedFake.class,
                    SharedFake.Bridge.class))
            .setBeforeAllCustomizer(EnvironmentVariablesTest::startFakeWhereTheEnvironmentPoints)
            .setAfterAllCustomizer(SharedFake::stop);

    @Inject
    PromptLayerClient client;

    @Inject
    DeliveryEngine engine;

    @Inject
    TrackedService service;

    @Test
    void theVariablesConfigureTheClientAndTracksArrive() {
        assertThat(client.config().apiKey()).isEqualTo(ApiKey.of(KEY));
        assertThat(client.config().baseUrl()).isEqualTo(URI.create(System.getenv("PROMPTLAYER_BASE_URL")));
        assertThat(engine.config().queueCapacity()).isEqualTo(123);

        service.idReturned(901L);
        SharedFake.awaitAccepted(1);   // the fake accepts only KEY
        assertThat(SharedFake.metadataFor(901)).isEqualTo(Map.of("source", "long-return"));
    }

    private static void startFakeWhereTheEnvironmentPoints() {
        URI url = URI.create(System.getenv("PROMPTLAYER_BASE_URL"));
        SharedFake.start(FakePromptLayer.builder().port(url.getPort()).apiKey(KEY));
    }
}
