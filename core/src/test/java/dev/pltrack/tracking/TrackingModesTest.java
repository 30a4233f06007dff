package dev.pltrack.tracking;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pltrack.HasPromptLayerRequestId;
import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import dev.pltrack.client.FailureReason;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.testkit.FakePromptLayerExtension;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Switched off, nothing happens but the call; in strict mode an untrackable call fails loudly; and
 * whatever goes wrong while tracking never changes what the caller gets.
 */
class TrackingModesTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    @RegisterExtension
    final TrackingHarness tracking = TrackingHarness.on(promptLayer);

    /** Counts its calls, so a test can tell the method really ran. */
    static class Counting {
        final AtomicInteger calls = new AtomicInteger();
    }

    interface Chat {
        @TrackMetadata("k=v")
        long answer(@PromptLayerRequestId long id);

        @TrackMetadata("k=v")
        String noId();

        @TrackMetadata("k=v")
        void fails(@PromptLayerRequestId long id);

        @TrackMetadata("k=v")
        String failsWithoutId();

        @TrackMetadata("k=v")
        long misused(@PromptLayerRequestId long first, @PromptLayerRequestId long second);

        @TrackMetadata("k=v")
        CompletableFuture<Long> later();

        @TrackMetadata("k=v")
        Reply reply();
    }

    /** An answer whose id accessor fails, as a client library's half-filled response might. */
    record Reply(Long id) implements HasPromptLayerRequestId {
        @Override
        public long promptLayerRequestId() {
            return id;
        }
    }

    static final class ChatService extends Counting implements Chat {
        final IllegalStateException failure = new IllegalStateException("model down");
        final CompletableFuture<Long> later = new CompletableFuture<>();

        @Override
        public long answer(long id) {
            calls.incrementAndGet();
            return id * 2;
        }

        @Override
        public String noId() {
            calls.incrementAndGet();
            return "text";
        }

        @Override
        public void fails(long id) {
            calls.incrementAndGet();
            throw failure;
        }

        @Override
        public String failsWithoutId() {
            calls.incrementAndGet();
            throw failure;
        }

        @Override
        public long misused(long first, long second) {
            calls.incrementAndGet();
            return first + second;
        }

        @Override
        public CompletableFuture<Long> later() {
            calls.incrementAndGet();
            return later;
        }

        @Override
        public Reply reply() {
            calls.incrementAndGet();
            return new Reply(null);
        }
    }

    private final ChatService service = new ChatService();

    @Test
    void disabledTheMethodRunsAndNothingIsSentOrCounted() {
        TrackMetadataHandler off = tracking.handler(TrackingConfig.builder().enabled(false).build());
        Chat chat = off.proxy(Chat.class, service);

        assertThat(chat.answer(1101)).isEqualTo(2202);
        assertThat(chat.noId()).isEqualTo("text");
        assertThat(chat.misused(1, 2)).isEqualTo(3);
        assertThat(catchThrowable(() -> chat.fails(1102))).isSameAs(service.failure);

        assertThat(service.calls).hasValue(4);
        assertThat(tracking.delivered()).hasReceivedNothing();
        assertThat(off.stats()).isEqualTo(new TrackingStats(0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void strictWithoutARequestIdThrowsAfterTheMethodRan() {
        Chat chat = tracking.handler(TrackingConfig.builder().strict(true).build()).proxy(Chat.class, service);

        TrackingException failure = catchThrowableOfType(TrackingException.class, chat::noId);

        assertThat(service.calls).hasValue(1);
        assertThat(failure.reason()).isEqualTo(FailureReason.INVALID_REQUEST);
        assertThat(failure).hasMessageContaining("noId()").hasMessageContaining("no request id found");
        assertThat(tracking.delivered()).hasReceivedNothing();
    }

    @Test
    void strictWhenTheMethodThrowsTheOriginalExceptionPropagatesWithTheTrackingFailureSuppressed() {
        Chat chat = tracking.handler(TrackingConfig.builder().strict(true).build()).proxy(Chat.class, service);

        Throwable thrown = catchThrowable(chat::failsWithoutId);

        assertThat(thrown).isSameAs(service.failure);
        assertThat(thrown.getSuppressed()).singleElement()
                .isInstanceOfSatisfying(TrackingException.class, suppressed ->
                        assertThat(suppressed).hasMessageContaining("no request id found"));
    }

    @Test
    void strictAMisusedMethodThrowsAfterItRan() {
        Chat chat = tracking.handler(TrackingConfig.builder().strict(true).build()).proxy(Chat.class, service);

        TrackingException failure = catchThrowableOfType(TrackingException.class, () -> chat.misused(1, 2));

        assertThat(service.calls).hasValue(1);
        assertThat(failure).hasMessageContaining("both annotated @PromptLayerRequestId");
    }

    @Test
    void strictACorrectCallIsTrackedAsUsual() {
        Chat chat = tracking.handler(TrackingConfig.builder().strict(true).build()).proxy(Chat.class, service);

        assertThat(chat.answer(1103)).isEqualTo(2206);
        assertThat(catchThrowable(() -> chat.fails(1104))).isSameAs(service.failure);

        assertThat(tracking.delivered())
                .hasTracked(1103L, Map.of("k", "v"))
                .hasTracked(1104L, Map.of("k", "v", "error_type", "java.lang.IllegalStateException",
                        "error_message", "model down"));
        assertThat(service.failure.getSuppressed()).isEmpty();
    }

    @Test
    void aTrackTheEngineRefusesIsCountedAndTheCallerStillGetsItsValue() {
        Chat chat = tracking.proxy(Chat.class, service);
        // A closed engine refuses every track: the real refusal path.
        tracking.engine().close();

        assertThat(chat.answer(1105)).isEqualTo(2210);
        assertThat(catchThrowable(() -> chat.fails(1106))).isSameAs(service.failure);

        assertThat(tracking.handler().stats().refused()).isEqualTo(2);
        assertThat(tracking.handler().stats().tracked()).isZero();
        assertThat(tracking.engine().stats().rejected(FailureReason.ENGINE_CLOSED)).isEqualTo(2);
        assertThat(promptLayer.server()).hasReceivedNothing();
    }

    @Test
    void aRefusingSinkIsCountedAndChangesNothingForTheCaller() {
        List<TrackRequest> offered = new ArrayList<>();
        TrackMetadataHandler refusing = TrackMetadataHandler.builder(request -> {
            offered.add(request);
            return false;
        }).build();
        Chat chat = refusing.proxy(Chat.class, service);

        assertThat(chat.answer(1107)).isEqualTo(2214);
        CompletableFuture<Long> later = chat.later();
        service.later.complete(1108L);

        assertThat(later).isSameAs(service.later).isCompletedWithValue(1108L);
        assertThat(offered).extracting(TrackRequest::requestId).containsExactly(1107L, 1108L);
        assertThat(refusing.stats().refused()).isEqualTo(2);
        assertThat(refusing.stats().untracked()).isEqualTo(2);
    }

    @Test
    void aSinkThatBreaksItsContractCostsTheTrackNotTheCall() {
        TrackMetadataHandler broken = TrackMetadataHandler.builder(request -> {
            throw new IllegalStateException("sink bug");
        }).build();
        Chat chat = broken.proxy(Chat.class, service);

        assertThat(chat.answer(1109)).isEqualTo(2218);
        assertThat(catchThrowable(() -> chat.fails(1110))).isSameAs(service.failure);
        assertThat(service.failure.getSuppressed()).isEmpty();

        assertThat(broken.stats().errors()).isEqualTo(2);
        assertThat(broken.stats().untracked()).isEqualTo(2);
    }

    @Test
    void anAsyncAdapterThatThrowsLeavesTheResultAsItWas() {
        TrackMetadataHandler handler = TrackMetadataHandler.builder(request -> true)
                .asyncResultAdapter(new AsyncResultAdapter() {
                    @Override
                    public boolean supports(Class<?> returnType) {
                        return CompletableFuture.class.isAssignableFrom(returnType);
                    }

                    @Override
                    public Object whenComplete(Object result, BiConsumer<Object, Throwable> onComplete) {
                        throw new IllegalStateException("adapter bug");
                    }
                })
                .build();
        Chat chat = handler.proxy(Chat.class, service);

        assertThat(chat.later()).isSameAs(service.later);
        assertThat(handler.stats().errors()).isEqualTo(1);
    }

    @Test
    void anIdAccessorThatThrowsDoesNotReachTheCaller() {
        Chat chat = tracking.proxy(Chat.class, service);

        Reply reply = chat.reply();

        assertThat(reply).isEqualTo(new Reply(null));
        assertThat(tracking.delivered()).hasReceivedNothing();
        assertThat(tracking.handler().stats().invalid()).isEqualTo(1);
    }

    @Test
    void strictAnIdAccessorThatThrowsIsATrackingException() {
        Chat chat = tracking.handler(TrackingConfig.builder().strict(true).build()).proxy(Chat.class, service);

        TrackingException failure = catchThrowableOfType(TrackingException.class, chat::reply);

        assertThat(failure).hasMessageContaining("promptLayerRequestId()")
                .hasCauseInstanceOf(NullPointerException.class);
    }

    @Test
    void eachMethodIsAnalysedOnceAndThePlanIsReused() throws NoSuchMethodException {
        Method answer = Chat.class.getMethod("answer", long.class);
        TrackMetadataHandler handler = tracking.handler();

        MethodPlan first = handler.plan(answer, ChatService.class);

        assertThat(handler.plan(answer, ChatService.class)).isSameAs(first);
        Chat chat = handler.proxy(Chat.class, service);
        chat.answer(1109);
        chat.answer(1110);
        assertThat(handler.plan(answer, ChatService.class)).isSameAs(first);
        // A different target class is a different analysis (its annotations may differ).
        assertThat(handler.plan(answer, null)).isNotSameAs(first);
    }
}
