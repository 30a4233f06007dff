package dev.pltrack.tracking;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pltrack.HasPromptLayerRequestId;
import dev.pltrack.MetadataParam;
import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import dev.pltrack.TrackingContext;
import dev.pltrack.testkit.FakePromptLayerExtension;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Results that complete later are tracked when they complete, never before, and handed back untouched. */
// Scopes are opened for their effect on the thread; the variable exists only to close them.
@SuppressWarnings("try")
class AsyncTrackingTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    @RegisterExtension
    final TrackingHarness tracking = TrackingHarness.on(promptLayer);

    record Answer(long promptLayerRequestId) implements HasPromptLayerRequestId {
    }

    interface AsyncChat {
        @TrackMetadata("mode=async")
        CompletableFuture<Long> id();

        @TrackMetadata("mode=async")
        CompletableFuture<Integer> intId();

        @TrackMetadata("mode=async")
        CompletionStage<Answer> answer();

        @TrackMetadata("mode=async")
        CompletableFuture<Optional<Answer>> maybe();

        @TrackMetadata("mode=async")
        Object untyped();

        @TrackMetadata("mode=async")
        CompletableFuture<Void> done();

        @TrackMetadata("mode=async")
        CompletableFuture<String> reply(@PromptLayerRequestId long id, @MetadataParam("user") String user);
    }

    /** Hands out futures the test completes when it wants. */
    static final class PendingChat implements AsyncChat {
        final CompletableFuture<Long> id = new CompletableFuture<>();
        final CompletableFuture<Integer> intId = new CompletableFuture<>();
        final CompletableFuture<Answer> answer = new CompletableFuture<>();
        final CompletableFuture<Optional<Answer>> maybe = new CompletableFuture<>();
        final CompletableFuture<Long> untyped = new CompletableFuture<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<String> reply = new CompletableFuture<>();

        @Override
        public CompletableFuture<Long> id() {
            return id;
        }

        @Override
        public CompletableFuture<Integer> intId() {
            return intId;
        }

        @Override
        public CompletionStage<Answer> answer() {
            return answer;
        }

        @Override
        public CompletableFuture<Optional<Answer>> maybe() {
            return maybe;
        }

        @Override
        public Object untyped() {
            return untyped;
        }

        @Override
        public CompletableFuture<Void> done() {
            return done;
        }

        @Override
        public CompletableFuture<String> reply(long id, String user) {
            return reply;
        }
    }

    private final PendingChat pending = new PendingChat();

    @Test
    void aFutureIsTrackedOnlyOnceItCompletesAndTheCallerGetsTheSameFuture() {
        AsyncChat chat = tracking.proxy(AsyncChat.class, pending);

        CompletableFuture<Long> returned = chat.id();

        assertThat(returned).isSameAs(pending.id).isNotDone();
        assertThat(tracking.delivered()).hasReceivedNothing();
        assertThat(tracking.handler().stats().tracked()).isZero();

        pending.id.complete(401L);

        assertThat(tracking.delivered()).hasAcceptedTracks(1).hasTracked(401L, Map.of("mode", "async"));
        assertThat(returned).isCompletedWithValue(401L);
        assertThat(tracking.handler().stats().tracked()).isEqualTo(1);
    }

    @Test
    void everyValueThatCarriesAnIdWorksInsideAStage() {
        AsyncChat chat = tracking.proxy(AsyncChat.class, pending);
        CompletableFuture<Integer> intId = chat.intId();
        CompletionStage<Answer> answer = chat.answer();
        CompletableFuture<Optional<Answer>> maybe = chat.maybe();
        assertThat(tracking.delivered()).hasReceivedNothing();

        pending.intId.complete(402);
        pending.answer.complete(new Answer(403));
        pending.maybe.complete(Optional.of(new Answer(404)));

        assertThat(tracking.delivered()).hasAcceptedTracks(3)
                .hasTracked(402L, Map.of("mode", "async"))
                .hasTracked(403L, Map.of("mode", "async"))
                .hasTracked(404L, Map.of("mode", "async"));
        assertThat(intId).isSameAs(pending.intId);
        assertThat(answer).isSameAs(pending.answer);
        assertThat(maybe).isSameAs(pending.maybe);
    }

    @Test
    void aMethodDeclaredToReturnObjectThatReturnsAFutureIsTrackedWhenItCompletes() {
        AsyncChat chat = tracking.proxy(AsyncChat.class, pending);

        Object returned = chat.untyped();

        assertThat(returned).isSameAs(pending.untyped);
        assertThat(tracking.delivered()).hasReceivedNothing();
        assertThat(tracking.handler().stats().noRequestId()).isZero();

        pending.untyped.complete(405L);

        assertThat(tracking.delivered()).hasAcceptedTracks(1).hasTracked(405L, Map.of("mode", "async"));
    }

    @Test
    void anAlreadyCompletedFutureIsTrackedAtOnce() {
        pending.id.complete(406L);

        tracking.proxy(AsyncChat.class, pending).id();

        assertThat(tracking.delivered()).hasAcceptedTracks(1).hasTracked(406L, Map.of("mode", "async"));
    }

    @Test
    void anEmptyResultUsesTheContextCapturedWhenTheMethodReturnedEvenOnAnotherThreadAfterTheScopeClosed()
            throws InterruptedException {
        AsyncChat chat = tracking.proxy(AsyncChat.class, pending);
        CompletableFuture<Void> returned;
        try (TrackingContext.Scope ignored = TrackingContext.current()
                .withRequestId(410)
                .with("session_id", "s-1")
                .open()) {
            returned = chat.done();
        }
        assertThat(tracking.delivered()).hasReceivedNothing();

        // The completing thread has a context of its own: it must not be the one used.
        Thread completer = new Thread(() -> {
            try (TrackingContext.Scope ignored = TrackingContext.current()
                    .withRequestId(999)
                    .with("session_id", "other")
                    .open()) {
                pending.done.complete(null);
            }
        });
        completer.start();
        completer.join(TimeUnit.SECONDS.toMillis(5));

        assertThat(returned).isCompleted();
        assertThat(tracking.delivered()).hasAcceptedTracks(1)
                .hasTracked(410L, Map.of("session_id", "s-1", "mode", "async"))
                .hasNotTracked(999L);
    }

    @Test
    void theCapturedContextAlsoSuppliesMetadataWhenTheValueCarriesTheId() throws Exception {
        AsyncChat chat = tracking.proxy(AsyncChat.class, pending);
        try (TrackingContext.Scope ignored = TrackingContext.current().with("user_id", "u-7").open()) {
            chat.answer();
        }

        CompletableFuture.runAsync(() -> pending.answer.complete(new Answer(411))).get(5, TimeUnit.SECONDS);

        assertThat(tracking.delivered()).hasTracked(411L, Map.of("user_id", "u-7", "mode", "async"));
    }

    @Test
    void aFutureThatFailsIsTrackedWithTheErrorAndTheCallerSeesTheSameFailure() {
        AsyncChat chat = tracking.proxy(AsyncChat.class, pending);
        IllegalStateException failure = new IllegalStateException("model timed out");

        CompletableFuture<String> returned = chat.reply(420, "u-1");
        assertThat(tracking.delivered()).hasReceivedNothing();
        pending.reply.completeExceptionally(failure);

        assertThat(tracking.delivered()).hasAcceptedTracks(1).hasTracked(420L, Map.of(
                "mode", "async",
                "user", "u-1",
                "error_type", "java.lang.IllegalStateException",
                "error_message", "model timed out"));
        assertThatThrownBy(returned::get).isInstanceOf(ExecutionException.class).cause().isSameAs(failure);
    }

    @Test
    void aCompletionExceptionIsUnwrappedToTheFailureItCarries() {
        AsyncChat chat = tracking.proxy(AsyncChat.class, pending);
        CompletableFuture<String> upstream = new CompletableFuture<>();
        // A dependent stage fails with a CompletionException around the real cause.
        pending.reply = upstream.thenApply(text -> {
            throw new IllegalArgumentException("prompt too long");
        });

        CompletableFuture<String> returned = chat.reply(421, "u-2");
        upstream.complete("hello");

        assertThat(tracking.delivered()).hasAcceptedTracks(1).hasTracked(421L, Map.of(
                "mode", "async",
                "user", "u-2",
                "error_type", "java.lang.IllegalArgumentException",
                "error_message", "prompt too long"));
        assertThatThrownBy(returned::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailedFutureWithoutParameterTakesItsIdFromTheCapturedContext() {
        AsyncChat chat = tracking.proxy(AsyncChat.class, pending);
        try (TrackingContext.Scope ignored = TrackingContext.current().withRequestId(422).open()) {
            chat.answer();
        }

        pending.answer.completeExceptionally(new IllegalArgumentException("no tools"));

        assertThat(tracking.delivered()).hasTracked(422L, Map.of(
                "mode", "async",
                "error_type", "java.lang.IllegalArgumentException",
                "error_message", "no tools"));
    }

    @Test
    void aFutureCompletingWithoutAnIdIsCountedNotSent() {
        AsyncChat chat = tracking.proxy(AsyncChat.class, pending);

        chat.done();
        pending.done.complete(null);

        assertThat(tracking.delivered()).hasReceivedNothing();
        assertThat(tracking.handler().stats().noRequestId()).isEqualTo(1);
    }

    /** A result type the core does not know, taught through the builder (as framework modules do). */
    static final class Deferred {
        private BiConsumer<Object, Throwable> listener;

        void resolve(Object value) {
            listener.accept(value, null);
        }
    }

    interface DeferredChat {
        @TrackMetadata("mode=deferred")
        Deferred answer();
    }

    @Test
    void anAsyncResultAdapterFromTheBuilderDecidesWhenATypeCompletes() {
        AsyncResultAdapter deferredAdapter = new AsyncResultAdapter() {
            @Override
            public boolean supports(Class<?> returnType) {
                return Deferred.class.isAssignableFrom(returnType);
            }

            @Override
            public Object whenComplete(Object result, BiConsumer<Object, Throwable> onComplete) {
                ((Deferred) result).listener = onComplete;
                return result;
            }
        };
        TrackMetadataHandler handler = TrackMetadataHandler.builder(tracking.engine()::offer)
                .asyncResultAdapter(deferredAdapter)
                .build();
        Deferred deferred = new Deferred();

        Deferred returned = handler.proxy(DeferredChat.class, () -> deferred).answer();
        assertThat(tracking.delivered()).hasReceivedNothing();
        returned.resolve(new Answer(430));

        assertThat(returned).isSameAs(deferred);
        assertThat(tracking.delivered()).hasTracked(430L, Map.of("mode", "deferred"));
    }
}
