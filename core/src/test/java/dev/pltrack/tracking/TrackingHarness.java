package dev.pltrack.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.pltrack.TrackingContext;
import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * A {@link TrackMetadataHandler} wired the way an application wires it: a real client and a real
 * {@link DeliveryEngine} sending to the class's fake PromptLayer over HTTP. Fresh for each test (so
 * stats and log-once flags start at zero), with the handler's log captured.
 *
 * <pre>{@code
 * @RegisterExtension static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();
 * @RegisterExtension final TrackingHarness tracking = TrackingHarness.on(promptLayer);
 * }</pre>
 */
final class TrackingHarness implements BeforeEachCallback, AfterEachCallback {

    static final Duration WAIT = Duration.ofSeconds(5);

    private final FakePromptLayerExtension promptLayer;
    private DeliveryEngine engine;
    private TrackMetadataHandler handler;
    private ListAppender<ILoggingEvent> log;

    private TrackingHarness(FakePromptLayerExtension promptLayer) {
        this.promptLayer = promptLayer;
    }

    /** Must be registered after {@code promptLayer}, so the fake is reset before the harness starts. */
    static TrackingHarness on(FakePromptLayerExtension promptLayer) {
        return new TrackingHarness(promptLayer);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        FakePromptLayer fake = promptLayer.server();
        PromptLayerClient client = PromptLayerClient.create(PromptLayerConfig.builder()
                .apiKey(fake.apiKey())
                .baseUrl(fake.baseUrl())
                .retryPolicy(RetryPolicy.noRetries())
                .build());
        engine = DeliveryEngine.builder(client)
                .config(DeliveryConfig.builder().shutdownTimeout(Duration.ofSeconds(2)).build())
                .build();
        handler = handler(TrackingConfig.defaults());
        log = new ListAppender<>();
        log.start();
        handlerLogger().addAppender(log);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        handlerLogger().detachAppender(log);
        engine.close();
        // A scope left open would leak into the next test on this thread.
        assertThat(TrackingContext.current().isEmpty()).as("TrackingContext left open by the test").isTrue();
    }

    /** The handler with default configuration. */
    TrackMetadataHandler handler() {
        return handler;
    }

    /** Another handler on the same engine, with its own configuration and stats. */
    TrackMetadataHandler handler(TrackingConfig config) {
        return TrackMetadataHandler.builder(engine::offer).config(config).build();
    }

    DeliveryEngine engine() {
        return engine;
    }

    /** {@code target} behind a proxy of the default handler. */
    <T> T proxy(Class<T> type, T target) {
        return handler.proxy(type, target);
    }

    /** The fake, once every track the engine accepted so far has been answered. */
    FakePromptLayer delivered() {
        try {
            assertThat(engine.flush(WAIT)).as("engine flushed within %s", WAIT).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while flushing", e);
        }
        return promptLayer.server();
    }

    /** What the handler logged at {@code level}, formatted. */
    List<String> logged(Level level) {
        return log.list.stream()
                .filter(event -> event.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static Logger handlerLogger() {
        return (Logger) LoggerFactory.getLogger(TrackMetadataHandler.class);
    }
}
