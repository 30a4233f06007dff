package dev.pltrack.tracking;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pltrack.HasPromptLayerRequestId;
import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import dev.pltrack.testkit.FakePromptLayerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** Reactor results are tracked once per subscription, when they complete, and reach the caller unchanged. */
class ReactorTrackingTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    @RegisterExtension
    final TrackingHarness tracking = TrackingHarness.on(promptLayer);

    record Chunk(long promptLayerRequestId, String text) implements HasPromptLayerRequestId {
    }

    interface ReactiveChat {
        @TrackMetadata("mode=mono")
        Mono<Long> id(Mono<Long> source);

        @TrackMetadata("mode=mono")
        Mono<String> reply(@PromptLayerRequestId long id, Mono<String> source);

        @TrackMetadata("mode=flux")
        Flux<Chunk> stream(Flux<Chunk> source);

        @TrackMetadata("mode=publisher")
        Publisher<Long> declaredAsPublisher(Publisher<Long> source);
    }

    /** Hands back what the test passes in, so the test controls when it completes. */
    static final class PassThrough implements ReactiveChat {
        @Override
        public Mono<Long> id(Mono<Long> source) {
            return source;
        }

        @Override
        public Mono<String> reply(long id, Mono<String> source) {
            return source;
        }

        @Override
        public Flux<Chunk> stream(Flux<Chunk> source) {
            return source;
        }

        @Override
        public Publisher<Long> declaredAsPublisher(Publisher<Long> source) {
            return source;
        }
    }

    private ReactiveChat chat;

    @BeforeEach
    void proxy() {
        chat = tracking.proxy(ReactiveChat.class, new PassThrough());
    }

    @Test
    void aMonoIsTrackedWhenSubscribedAndCompletedNotWhenReturned() {
        Sinks.One<Long> sink = Sinks.one();
        Mono<Long> returned = chat.id(sink.asMono());

        assertThat(tracking.delivered()).hasReceivedNothing();
        List<Long> seen = new ArrayList<>();
        returned.subscribe(seen::add);
        assertThat(tracking.delivered()).hasReceivedNothing();

        sink.tryEmitValue(501L);
        assertThat(seen).containsExactly(501L);
        assertThat(tracking.delivered()).hasAcceptedTracks(1).hasTracked(501L, Map.of("mode", "mono"));
    }

    @Test
    void aMonoThatFailsIsTrackedWithTheErrorAndTheCallerSeesTheSameError() {
        IllegalStateException boom = new IllegalStateException("model unavailable");

        assertThatThrownBy(() -> chat.reply(502L, Mono.error(boom)).block()).isSameAs(boom);

        assertThat(tracking.delivered()).hasAcceptedTracks(1).hasTracked(502L, Map.of(
                "mode", "mono",
                "error_type", "java.lang.IllegalStateException",
                "error_message", "model unavailable"));
    }

    @Test
    void anEmptyMonoTakesTheIdFromTheParameter() {
        assertThat(chat.reply(503L, Mono.empty()).block()).isNull();

        assertThat(tracking.delivered()).hasAcceptedTracks(1).hasTracked(503L, Map.of("mode", "mono"));
    }

    @Test
    void aFluxIsTrackedWithItsLastElementOncePerSubscription() {
        Flux<Chunk> returned = chat.stream(Flux.just(new Chunk(504L, "Hel"), new Chunk(505L, "lo")));

        assertThat(returned.map(Chunk::text).collectList().block()).containsExactly("Hel", "lo");
        assertThat(tracking.delivered()).hasAcceptedTracks(1).hasTracked(505L, Map.of("mode", "flux"));

        returned.blockLast();
        assertThat(tracking.delivered()).hasAcceptedTracks(2);
        assertThat(tracking.handler().stats().tracked()).isEqualTo(2);
    }

    @Test
    void aFluxCancelledBeforeItCompletesIsNotTracked() {
        chat.stream(Flux.just(new Chunk(506L, "a"), new Chunk(507L, "b"))).take(1).blockLast();

        assertThat(tracking.delivered()).hasReceivedNothing();
    }

    @Test
    void aMonoReturnedWhereAPublisherIsDeclaredIsStillTrackedOnCompletion() {
        Publisher<Long> returned = chat.declaredAsPublisher(Mono.just(508L));

        assertThat(returned).isInstanceOf(Mono.class);
        assertThat(tracking.delivered()).hasReceivedNothing();
        assertThat(Mono.from(returned).block()).isEqualTo(508L);
        assertThat(tracking.delivered()).hasAcceptedTracks(1).hasTracked(508L, Map.of("mode", "publisher"));
    }
}
