package dev.pltrack.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerClientCustomizer;
import dev.pltrack.client.TrackRequest;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The application's PromptLayerClientCustomizer beans adjust the client the extension builds. */
class ClientCustomizerTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(HeaderCustomizer.class, SharedFake.class, SharedFake.Bridge.class))
            .overrideRuntimeConfigKey("promptlayer.api-key", SharedFake.API_KEY)
            .overrideRuntimeConfigKey("promptlayer.base-url", SharedFake.BASE_URL_EXPRESSION)
            .setBeforeAllCustomizer(SharedFake::start)
            .setAfterAllCustomizer(SharedFake::stop);

    @Inject
    PromptLayerClient client;

    @Test
    void theCustomizersInterceptorRunsOnTheExtensionsClient() {
        client.track(TrackRequest.of(61L, Map.of("k", "v")));

        SharedFake.awaitTracked(61L);
        assertThat(HeaderCustomizer.SENT).containsExactly("/rest/track-metadata");
    }

    @ApplicationScoped
    public static class HeaderCustomizer implements PromptLayerClientCustomizer {
        static final List<String> SENT = new CopyOnWriteArrayList<>();

        @Override
        public void customize(PromptLayerClient.Builder client) {
            client.requestInterceptor(template -> {
                SENT.add(template.path());
                template.header("X-Customized", "quarkus");
            });
        }
    }
}
