package dev.pltrack.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.delivery.DeliveryEngine;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * pltrack's beans are default beans: the application's own {@code PromptLayerClient} replaces pltrack's,
 * the engine sends through it, and {@code promptlayer.api-key} is then not needed.
 */
class UserClientTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(UserClientTest.ClientProducer.class, UserBeans.class,
                    UserBeans.Later.class, UserBeans.Service.class, SharedFake.class, SharedFake.Bridge.class))
            .setBeforeAllCustomizer(SharedFake::start)
            .setAfterAllCustomizer(SharedFake::stop);

    @Inject
    UserBeans.Service service;

    @Inject
    PromptLayerClient client;

    @Inject
    DeliveryEngine engine;

    @Test
    void theApplicationsClientIsTheOneUsed() {
        assertThat(client).isSameAs(ClientProducer.produced);
        assertThat(engine.client()).isSameAs(ClientProducer.produced);
        service.returned(2101L);
        SharedFake.awaitTracked(2101L);
    }

    @Singleton
    static class ClientProducer {
        static volatile PromptLayerClient produced;

        @Produces
        @Singleton
        PromptLayerClient ownClient() {
            produced = PromptLayerClient.create(PromptLayerConfig.builder().apiKey(SharedFake.API_KEY)
                    .baseUrl(System.getProperty(SharedFake.BASE_URL_PROPERTY)).build());
            return produced;
        }
    }
}
