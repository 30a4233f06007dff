package dev.pltrack.tracking;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;

import dev.pltrack.MetadataParam;
import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import dev.pltrack.TrackingContext;
import dev.pltrack.testkit.FakePromptLayerExtension;
import dev.pltrack.testkit.RecordedTrack;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sources merge, a later one winning on the same key: configured defaults, the context, the
 * annotation's entries, {@code @MetadataParam} values, then the error fields.
 */
// Scopes are opened for their effect on the thread; the variable exists only to close them.
@SuppressWarnings("try")
class MetadataMergeOrderTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    @RegisterExtension
    final TrackingHarness tracking = TrackingHarness.on(promptLayer);

    interface Layers {
        @TrackMetadata({"layer=static", "shared=static", "feature=chat"})
        void call(@PromptLayerRequestId long id, @MetadataParam("shared") String shared,
                @MetadataParam("error_type") String errorType);

        @TrackMetadata
        void bare(@PromptLayerRequestId long id);
    }

    /** Throws when asked for an error_type, so one method shows every layer. */
    static final class LayerService implements Layers {
        @Override
        public void call(long id, String shared, String errorType) {
            if (errorType != null) {
                throw new IllegalStateException("boom");
            }
        }

        @Override
        public void bare(long id) {
        }
    }

    private Layers layers(TrackingConfig config) {
        return tracking.handler(config).proxy(Layers.class, new LayerService());
    }

    private static TrackingConfig defaults() {
        return TrackingConfig.builder()
                .defaultMetadata("environment", "prod")
                .defaultMetadata("layer", "default")
                .defaultMetadata("shared", "default")
                .build();
    }

    private static TrackingContext.Scope context() {
        return TrackingContext.current()
                .with("layer", "context")
                .with("shared", "context")
                .with("session_id", "s-1")
                .open();
    }

    @Test
    void defaultsAloneAreSent() {
        layers(defaults()).bare(801);

        assertThat(tracking.delivered()).hasTracked(801L,
                Map.of("environment", "prod", "layer", "default", "shared", "default"));
    }

    @Test
    void theContextWinsOverDefaults() {
        try (TrackingContext.Scope ignored = context()) {
            layers(defaults()).bare(802);
        }

        assertThat(tracking.delivered()).hasTracked(802L,
                Map.of("environment", "prod", "layer", "context", "shared", "context", "session_id", "s-1"));
    }

    @Test
    void staticEntriesWinOverTheContext() {
        try (TrackingContext.Scope ignored = context()) {
            layers(TrackingConfig.defaults()).call(803, null, null);
        }

        assertThat(tracking.delivered()).hasTracked(803L,
                Map.of("layer", "static", "shared", "static", "session_id", "s-1", "feature", "chat"));
    }

    @Test
    void aParameterWinsOverStaticEntries() {
        layers(TrackingConfig.defaults()).call(804, "param", null);

        assertThat(tracking.delivered()).hasTracked(804L,
                Map.of("layer", "static", "shared", "param", "feature", "chat"));
    }

    @Test
    void theErrorFieldsWinOverAParameter() {
        catchThrowable(() -> layers(TrackingConfig.defaults()).call(805, "param", "from-param"));

        assertThat(tracking.delivered()).metadataFor(805L)
                .containsEntry("error_type", "java.lang.IllegalStateException")
                .containsEntry("error_message", "boom");
    }

    @Test
    void allLayersTogetherGiveExactlyThisMapInFirstSeenKeyOrder() {
        Throwable thrown;
        try (TrackingContext.Scope ignored = context()) {
            thrown = catchThrowable(() -> layers(defaults()).call(806, "param", "from-param"));
        }

        assertThat(thrown).hasMessage("boom");
        // A key keeps the place where it first appeared and takes the last value: the body is stable.
        RecordedTrack track = tracking.delivered().received().get(0);
        assertThat(track.metadata()).containsExactly(
                entry("environment", "prod"),
                entry("layer", "static"),
                entry("shared", "param"),
                entry("session_id", "s-1"),
                entry("feature", "chat"),
                entry("error_type", "java.lang.IllegalStateException"),
                entry("error_message", "boom"));
    }

    @Test
    void withNoSourceAtAllTheTrackIsInvalidAndNotSent() {
        // PromptLayer needs at least one entry.
        tracking.proxy(Layers.class, new LayerService()).bare(807);

        assertThat(tracking.delivered()).hasReceivedNothing();
        assertThat(tracking.handler().stats().invalid()).isEqualTo(1);
    }
}
