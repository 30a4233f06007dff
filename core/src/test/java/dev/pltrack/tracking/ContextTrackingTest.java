package dev.pltrack.tracking;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.TrackMetadata;
import dev.pltrack.TrackingContext;
import dev.pltrack.testkit.FakePromptLayerExtension;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link TrackingContext} in scope supplies the request id and metadata, on this thread only. */
// Scopes are opened for their effect on the thread; the variable exists only to close them.
@SuppressWarnings("try")
class ContextTrackingTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    @RegisterExtension
    final TrackingHarness tracking = TrackingHarness.on(promptLayer);

    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopWorker() throws InterruptedException {
        worker.shutdownNow();
        assertThat(worker.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    interface Feedback {
        @TrackMetadata("feature=feedback")
        void thumbsUp();
    }

    private Feedback feedback() {
        return tracking.proxy(Feedback.class, () -> { });
    }

    @Test
    void theContextSuppliesTheRequestIdAndItsMetadata() {
        try (TrackingContext.Scope ignored = TrackingContext.current()
                .withRequestId(501)
                .with("session_id", "s-1")
                .with("user_id", 42)
                .open()) {
            feedback().thumbsUp();
        }

        assertThat(tracking.delivered()).hasAcceptedTracks(1)
                .hasTracked(501L, Map.of("session_id", "s-1", "user_id", "42", "feature", "feedback"));
    }

    @Test
    void scopesNestAndClosingOneRestoresTheOneBefore() {
        Feedback feedback = feedback();

        try (TrackingContext.Scope outer = TrackingContext.current()
                .withRequestId(510)
                .with("user_id", "u-1")
                .open()) {
            try (TrackingContext.Scope inner = TrackingContext.current()
                    .withRequestId(511)
                    .with("step", "2")
                    .open()) {
                assertThat(TrackingContext.current()).isSameAs(inner.context());
                feedback.thumbsUp();
            }
            assertThat(TrackingContext.current()).isSameAs(outer.context());
            feedback.thumbsUp();
        }
        assertThat(TrackingContext.current().isEmpty()).isTrue();
        feedback.thumbsUp();

        assertThat(tracking.delivered()).hasAcceptedTracks(2)
                .hasTracked(511L, Map.of("user_id", "u-1", "step", "2", "feature", "feedback"))
                .hasTracked(510L, Map.of("user_id", "u-1", "feature", "feedback"));
        assertThat(tracking.handler().stats().noRequestId()).isEqualTo(1);
    }

    @Test
    void aWrappedRunnableCarriesTheContextToAnotherThreadAndLeavesThatThreadClean() throws Exception {
        Feedback feedback = feedback();
        Runnable wrapped;
        try (TrackingContext.Scope ignored = TrackingContext.current()
                .withRequestId(520)
                .with("tenant", "acme")
                .open()) {
            wrapped = TrackingContext.current().wrap(feedback::thumbsUp);
        }

        worker.submit(wrapped).get(5, TimeUnit.SECONDS);
        boolean emptyAfterwards = worker.submit(() -> TrackingContext.current().isEmpty()).get(5, TimeUnit.SECONDS);

        assertThat(emptyAfterwards).isTrue();
        assertThat(tracking.delivered()).hasTracked(520L, Map.of("tenant", "acme", "feature", "feedback"));
    }

    @Test
    void aWrappedExecutorCarriesTheContextToEveryTask() throws Exception {
        Feedback feedback = feedback();
        Executor traced;
        try (TrackingContext.Scope ignored = TrackingContext.current().withRequestId(530).open()) {
            traced = TrackingContext.current().wrap((Executor) worker);
        }

        traced.execute(feedback::thumbsUp);
        traced.execute(() -> { });
        worker.submit(() -> { }).get(5, TimeUnit.SECONDS);

        assertThat(tracking.delivered()).hasTracked(530L, Map.of("feature", "feedback"));
        assertThat(tracking.handler().stats().tracked()).isEqualTo(1);
    }

    @Test
    void aThreadWithoutTheContextSeesNothingAndIsNotTracked() throws Exception {
        Feedback feedback = feedback();

        try (TrackingContext.Scope ignored = TrackingContext.current().withRequestId(540).with("k", "v").open()) {
            boolean emptyThere = worker.submit(() -> TrackingContext.current().isEmpty()).get(5, TimeUnit.SECONDS);
            worker.submit(feedback::thumbsUp).get(5, TimeUnit.SECONDS);
            assertThat(emptyThere).isTrue();
        }

        assertThat(tracking.delivered()).hasReceivedNothing();
        assertThat(tracking.handler().stats().noRequestId()).isEqualTo(1);
    }
}
