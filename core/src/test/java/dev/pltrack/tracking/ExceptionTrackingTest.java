package dev.pltrack.tracking;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pltrack.HasPromptLayerRequestId;
import dev.pltrack.MetadataParam;
import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import dev.pltrack.TrackingContext;
import dev.pltrack.testkit.FakePromptLayerExtension;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A call that throws: the caller gets its exception untouched, PromptLayer gets the error. */
// Scopes are opened for their effect on the thread; the variable exists only to close them.
@SuppressWarnings("try")
class ExceptionTrackingTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    @RegisterExtension
    final TrackingHarness tracking = TrackingHarness.on(promptLayer);

    record Answer(long promptLayerRequestId) implements HasPromptLayerRequestId {
    }

    interface Chat {
        @TrackMetadata("feature=chat")
        String ask(@PromptLayerRequestId long id, @MetadataParam("user") String user);

        @TrackMetadata("feature=chat")
        Answer answer();

        @TrackMetadata(value = "feature=chat", trackExceptions = false)
        void quiet(@PromptLayerRequestId long id);

        @TrackMetadata("feature=chat")
        void upload(@PromptLayerRequestId long id) throws IOException;
    }

    /** Throws whatever the test hands it, from every method. */
    static class FailingChat implements Chat {
        private final Throwable failure;

        FailingChat(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public String ask(long id, String user) {
            throw sneaky(failure);
        }

        @Override
        public Answer answer() {
            throw sneaky(failure);
        }

        @Override
        public void quiet(long id) {
            throw sneaky(failure);
        }

        @Override
        public void upload(long id) throws IOException {
            throw sneaky(failure);
        }

        @SuppressWarnings("unchecked")
        private static <T extends Throwable> RuntimeException sneaky(Throwable failure) throws T {
            throw (T) failure;
        }
    }

    private Chat failingWith(Throwable failure) {
        return tracking.proxy(Chat.class, new FailingChat(failure));
    }

    @Test
    void theCallerGetsTheVerySameExceptionAndTheTrackGetsTheErrorFields() {
        IllegalStateException failure = new IllegalStateException("model overloaded");

        Throwable thrown = catchThrowable(() -> failingWith(failure).ask(601, "u-1"));

        assertThat(thrown).isSameAs(failure);
        assertThat(failure.getSuppressed()).isEmpty();
        assertThat(tracking.delivered()).hasAcceptedTracks(1).hasTracked(601L, Map.of(
                "feature", "chat",
                "user", "u-1",
                "error_type", "java.lang.IllegalStateException",
                "error_message", "model overloaded"));
    }

    @Test
    void aCheckedExceptionReachesTheCallerUnwrapped() {
        IOException failure = new IOException("disk full");

        Throwable thrown = catchThrowable(() -> failingWith(failure).upload(602));

        assertThat(thrown).isSameAs(failure);
        assertThat(tracking.delivered()).hasTracked(602L, Map.of(
                "feature", "chat",
                "error_type", "java.io.IOException",
                "error_message", "disk full"));
    }

    @Test
    void anErrorIsTrackedAndRethrownToo() {
        StackOverflowError failure = new StackOverflowError("recursed");

        Throwable thrown = catchThrowable(() -> failingWith(failure).ask(603, "u-3"));

        assertThat(thrown).isSameAs(failure);
        assertThat(tracking.delivered()).metadataFor(603L)
                .containsEntry("error_type", "java.lang.StackOverflowError");
    }

    @Test
    void aMessagelessExceptionLeavesErrorMessageOut() {
        Throwable thrown = catchThrowable(() -> failingWith(new NullPointerException()).ask(604, "u-4"));

        assertThat(thrown).isExactlyInstanceOf(NullPointerException.class);
        assertThat(tracking.delivered()).hasTracked(604L, Map.of(
                "feature", "chat",
                "user", "u-4",
                "error_type", "java.lang.NullPointerException"));
    }

    @Test
    void aVeryLongMessageIsCutTo2000Characters() {
        String message = "x".repeat(5000);

        catchThrowable(() -> failingWith(new IllegalStateException(message)).ask(605, "u-5"));

        assertThat(tracking.delivered().metadataFor(605L).get("error_message"))
                .isEqualTo("x".repeat(2000) + "...");
    }

    /** Its message cannot be read, as with a lazily built message whose source is gone. */
    static final class UnreadableException extends RuntimeException {
        @Override
        public String getMessage() {
            throw new IllegalStateException("response body already consumed");
        }
    }

    @Test
    void anExceptionWhoseMessageCannotBeReadIsStillRethrownAndTrackedWithItsType() {
        UnreadableException failure = new UnreadableException();

        Throwable thrown = catchThrowable(() -> failingWith(failure).ask(606, "u-6"));

        assertThat(thrown).isSameAs(failure);
        assertThat(tracking.delivered()).hasTracked(606L, Map.of(
                "feature", "chat",
                "user", "u-6",
                "error_type", UnreadableException.class.getName()));
    }

    @Test
    void withoutAnIdParameterTheIdComesFromTheContextNotTheReturnType() {
        IllegalStateException failure = new IllegalStateException("refused");
        Chat chat = failingWith(failure);

        Throwable thrown;
        try (TrackingContext.Scope ignored = TrackingContext.current().withRequestId(610).with("k", "v").open()) {
            thrown = catchThrowable(chat::answer);
        }

        assertThat(thrown).isSameAs(failure);
        assertThat(tracking.delivered()).hasTracked(610L, Map.of(
                "k", "v",
                "feature", "chat",
                "error_type", "java.lang.IllegalStateException",
                "error_message", "refused"));
    }

    @Test
    void withNeitherParameterNorContextNothingIsSentAndTheExceptionIsUntouched() {
        IllegalStateException failure = new IllegalStateException("refused");

        Throwable thrown = catchThrowable(() -> failingWith(failure).answer());

        assertThat(thrown).isSameAs(failure);
        assertThat(failure.getSuppressed()).isEmpty();
        assertThat(tracking.delivered()).hasReceivedNothing();
        assertThat(tracking.handler().stats().noRequestId()).isEqualTo(1);
    }

    @Test
    void trackExceptionsFalseSendsNothingWhenTheMethodThrows() {
        IllegalStateException failure = new IllegalStateException("quiet");

        Throwable thrown = catchThrowable(() -> failingWith(failure).quiet(620));

        assertThat(thrown).isSameAs(failure);
        assertThat(tracking.delivered()).hasReceivedNothing();
        assertThat(tracking.handler().stats()).isEqualTo(new TrackingStats(0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void trackExceptionsFalseStillTracksCallsThatReturn() {
        Chat chat = tracking.proxy(Chat.class, new FailingChat(null) {
            @Override
            public void quiet(long id) {
            }
        });

        chat.quiet(621);

        assertThat(tracking.delivered()).hasTracked(621L, Map.of("feature", "chat"));
    }
}
