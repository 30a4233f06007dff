package dev.pltrack.quarkus.runtime;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerClientCustomizer;
import dev.pltrack.delivery.DeadLetterHandler;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.delivery.DeliveryListener;
import dev.pltrack.llm.LlmCallLogger;
import dev.pltrack.settings.CoreConfigs;
import dev.pltrack.tracking.AsyncResultAdapter;
import dev.pltrack.tracking.TrackMetadataHandler;
import dev.pltrack.tracking.TrackSink;
import dev.pltrack.tracking.TrackingConfig;
import io.quarkus.arc.ActiveResult;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Creates pltrack's synthetic beans from the run-time configuration, with the application's own
 * {@link DeadLetterHandler}, {@link DeliveryListener} and {@link AsyncResultAdapter} beans, as the
 * Spring and Micronaut modules do. Each synthetic bean is a default bean: one of the application's
 * own of the same type replaces it.
 */
@Recorder
public class PltrackRecorder {

    // The injection points each creator below declares (see PltrackProcessor.beans).
    private static final TypeLiteral<Instance<PromptLayerClient>> CLIENTS = new TypeLiteral<>() {
    };
    private static final TypeLiteral<Instance<DeliveryEngine>> ENGINES = new TypeLiteral<>() {
    };
    private static final TypeLiteral<Instance<PromptLayerClientCustomizer>> CUSTOMIZERS = new TypeLiteral<>() {
    };
    private static final TypeLiteral<Instance<DeadLetterHandler>> DEAD_LETTER_HANDLERS = new TypeLiteral<>() {
    };
    private static final TypeLiteral<Instance<DeliveryListener>> LISTENERS = new TypeLiteral<>() {
    };
    private static final TypeLiteral<Instance<AsyncResultAdapter>> ASYNC_RESULT_ADAPTERS = new TypeLiteral<>() {
    };

    private static final String DISABLED = "promptlayer.enabled=false: pltrack has no client and no delivery engine";

    private final RuntimeValue<PromptLayerRuntimeConfig> config;

    public PltrackRecorder(RuntimeValue<PromptLayerRuntimeConfig> config) {
        this.config = config;
    }

    /**
     * Every client setting is checked here, and the delivery settings before the engine's senders start.
     *
     * @throws dev.pltrack.client.MissingApiKeyException when no key is set
     */
    public Function<SyntheticCreationalContext<PromptLayerClient>, PromptLayerClient> client() {
        return context -> PromptLayerClient.builder(CoreConfigs.client(config.getValue()))
                .customizers(context.getInjectedReference(CUSTOMIZERS))
                .build();
    }

    /**
     * The engine, on the client bean (pltrack's or the application's); it is closed, which flushes what
     * is pending, after the application's beans are destroyed, so that their last tracks still go out.
     */
    public Function<SyntheticCreationalContext<DeliveryEngine>, DeliveryEngine> engine(ShutdownContext shutdown) {
        return context -> {
            DeliveryEngine.Builder builder = DeliveryEngine.builder(context.getInjectedReference(CLIENTS).get())
                    .config(CoreConfigs.delivery(config.getValue()));
            Instance<DeadLetterHandler> deadLetterHandler = context.getInjectedReference(DEAD_LETTER_HANDLERS);
            if (deadLetterHandler.isResolvable()) {
                builder.deadLetterHandler(deadLetterHandler.get());
            }
            context.getInjectedReference(LISTENERS).forEach(builder::listener);
            DeliveryEngine engine = builder.build();
            shutdown.addLastShutdownTask(engine::close);
            return engine;
        };
    }

    /** Disabled, a handler that lets every call through untouched. */
    public Function<SyntheticCreationalContext<TrackMetadataHandler>, TrackMetadataHandler> handler() {
        return context -> {
            TrackingConfig tracking = CoreConfigs.tracking(config.getValue());
            TrackSink sink = tracking.enabled() ? context.getInjectedReference(ENGINES).get()::offer : request -> false;
            TrackMetadataHandler.Builder builder = TrackMetadataHandler.builder(sink).config(tracking);
            context.getInjectedReference(ASYNC_RESULT_ADAPTERS).forEach(builder::asyncResultAdapter);
            return builder.asyncResultAdapter(new UniResultAdapter())
                    .asyncResultAdapter(new MultiResultAdapter())
                    .build();
        };
    }

    /** Where the LLM integrations hand over the calls they see; disabled with pltrack, it logs nothing. */
    public Function<SyntheticCreationalContext<LlmCallLogger>, LlmCallLogger> llmCallLogger() {
        return context -> config.getValue().enabled()
                ? LlmCallLogger.of(context.getInjectedReference(ENGINES).get(), CoreConfigs.logging(config.getValue()))
                : LlmCallLogger.disabled();
    }

    /** The client and the engine exist only while tracking is enabled. */
    public Supplier<ActiveResult> activeWhenEnabled() {
        return () -> config.getValue().enabled() ? ActiveResult.active() : ActiveResult.inactive(DISABLED);
    }
}
