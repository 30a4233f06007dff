package dev.pltrack.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.llm.LlmCallLogger;
import dev.pltrack.tracking.TrackMetadataHandler;
import io.quarkus.arc.InactiveBeanException;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code promptlayer.enabled=false}: no key needed, no client, no engine, annotations do nothing. */
class DisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(TrackedService.class, Answer.class, SharedFake.class,
                    SharedFake.Bridge.class))
            .overrideRuntimeConfigKey("promptlayer.enabled", "false")
            // Where calls would go if anything were sent; no key is configured.
            .overrideRuntimeConfigKey("promptlayer.base-url", SharedFake.BASE_URL_EXPRESSION)
            .setBeforeAllCustomizer(SharedFake::start)
            .setAfterAllCustomizer(SharedFake::stop);

    @Inject
    TrackedService service;

    @Inject
    TrackMetadataHandler handler;

    @Inject
    InjectableInstance<PromptLayerClient> client;

    @Inject
    InjectableInstance<DeliveryEngine> engine;

    @Inject
    LlmCallLogger llmCallLogger;

    @Test
    void annotatedMethodsRunUntouchedAndNothingIsSent() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThat(service.idFromLong(1L, 3)).isEqualTo("rated 3");
        assertThat(service.answer("u", null, 2L)).isEqualTo(new Answer(2L, "an answer"));
        assertThatThrownBy(() -> service.fail(3L, boom)).isSameAs(boom);

        Thread.sleep(300);   // what an engine would need to send; there is none
        assertThat(SharedFake.received()).isEmpty();
        assertThat(handler.config().enabled()).isFalse();
        assertThat(handler.stats().tracked()).isZero();
    }

    @Test
    void thereIsNoClientAndNoEngine() {
        assertThat(client.listActive()).isEmpty();
        assertThat(engine.listActive()).isEmpty();
        assertThatThrownBy(() -> engine.get())
                .isInstanceOf(InactiveBeanException.class)
                .hasMessageContaining("promptlayer.enabled=false");
    }

    @Test
    void theLlmIntegrationsFindALoggerThatLogsNothing() {
        assertThat(llmCallLogger.enabled()).isFalse();
        assertThat(llmCallLogger.start().finish(() -> {
            throw new AssertionError("a disabled logger reads no call");
        })).isEmpty();
    }
}
