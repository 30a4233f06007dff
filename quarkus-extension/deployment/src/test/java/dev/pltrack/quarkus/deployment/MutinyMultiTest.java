package dev.pltrack.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pltrack.tracking.TrackMetadataHandler;
import dev.pltrack.tracking.TrackingStats;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mutiny {@code Multi} results, tracked as the core tracks Reactor's {@code Flux}: with the last item,
 * once per subscription, when the stream completes; a failure with the error; a cancelled
 * subscription not at all.
 */
class MutinyMultiTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(StreamingService.class, Answer.class, SharedFake.class,
                    SharedFake.Bridge.class))
            .overrideRuntimeConfigKey("promptlayer.api-key", SharedFake.API_KEY)
            .overrideRuntimeConfigKey("promptlayer.base-url", SharedFake.BASE_URL_EXPRESSION)
            .overrideRuntimeConfigKey("promptlayer.metadata.environment", "test")
            .setBeforeAllCustomizer(SharedFake::start)
            .setAfterAllCustomizer(SharedFake::stop);

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    StreamingService streaming;

    @Inject
    TrackMetadataHandler handler;

    @BeforeEach
    void forgetEarlierTracks() {
        SharedFake.reset();
    }

    @Test
    void aMultiIsTrackedWithItsLastItemWhenItCompletes() {
        TrackingStats before = handler.stats();
        Multi<Answer> returned = streaming.stream(Multi.createFrom()
                .items(new Answer(901L, "Hel"), new Answer(902L, "lo"))
                .onItem().call(chunk -> Uni.createFrom().nullItem()
                        .onItem().delayIt().by(Duration.ofMillis(20))));
        assertThat(handler.stats().tracked()).as("nothing before a subscription").isEqualTo(before.tracked());

        assertThat(returned.map(Answer::text).collect().asList().await().atMost(TIMEOUT)).containsExactly("Hel", "lo");

        assertThat(handler.stats().tracked()).isEqualTo(before.tracked() + 1);
        SharedFake.awaitTracked(902);
        assertThat(SharedFake.metadataFor(902)).isEqualTo(Map.of("environment", "test", "mode", "multi"));
        assertThat(SharedFake.receivedIds()).containsExactly(902L);
    }

    @Test
    void eachSubscriptionIsTrackedOnceWithItsOwnLastItem() {
        AtomicLong lastIds = new AtomicLong(910L);
        TrackingStats before = handler.stats();
        Multi<Answer> returned = streaming.stream(Multi.createFrom().deferred(() -> Multi.createFrom()
                .items(new Answer(900L, "first"), new Answer(lastIds.incrementAndGet(), "last"))));

        assertThat(returned.collect().asList().await().atMost(TIMEOUT)).hasSize(2);
        assertThat(returned.collect().last().await().atMost(TIMEOUT)).isEqualTo(new Answer(912L, "last"));

        assertThat(handler.stats().tracked()).isEqualTo(before.tracked() + 2);
        SharedFake.awaitTracked(911, 912);
        assertThat(SharedFake.metadataFor(911)).isEqualTo(Map.of("environment", "test", "mode", "multi"));
        assertThat(SharedFake.receivedIds()).containsExactlyInAnyOrder(911L, 912L);
    }

    @Test
    void aFailedStreamIsTrackedWithTheErrorAndTheCallerGetsTheSameFailure() {
        IllegalStateException broke = new IllegalStateException("stream broke");
        Multi<Answer> partial = Multi.createBy().concatenating().streams(
                Multi.createFrom().item(new Answer(921L, "partial")), Multi.createFrom().failure(broke));

        assertThatThrownBy(() -> streaming.streamFor(922L, partial).collect().asList().await().atMost(TIMEOUT))
                .isSameAs(broke);

        SharedFake.awaitTracked(922);
        assertThat(SharedFake.metadataFor(922)).isEqualTo(Map.of("environment", "test", "mode", "multi-with-id",
                "error_type", "java.lang.IllegalStateException", "error_message", "stream broke"));
        assertThat(SharedFake.receivedIds()).doesNotContain(921L);
    }

    @Test
    void aFailureCarriesNoIdSoAnEarlierItemsIdIsNotUsed() {
        TrackingStats before = handler.stats();
        Multi<Answer> partial = Multi.createBy().concatenating().streams(
                Multi.createFrom().item(new Answer(925L, "partial")),
                Multi.createFrom().failure(new IllegalStateException("stream broke")));

        assertThatThrownBy(() -> streaming.stream(partial).collect().asList().await().atMost(TIMEOUT))
                .hasMessage("stream broke");

        TrackingStats after = handler.stats();
        assertThat(after.noRequestId()).isEqualTo(before.noRequestId() + 1);
        assertThat(after.tracked()).isEqualTo(before.tracked());
    }

    @Test
    void aCancelledSubscriptionIsNotTracked() {
        TrackingStats before = handler.stats();
        Multi<Answer> returned = streaming.stream(Multi.createFrom()
                .items(new Answer(931L, "a"), new Answer(932L, "b")));

        List<Answer> firstOnly = returned.select().first().collect().asList().await().atMost(TIMEOUT);
        assertThat(firstOnly).containsExactly(new Answer(931L, "a"));
        assertThat(handler.stats().tracked()).isEqualTo(before.tracked());
        assertThat(handler.stats().noRequestId()).isEqualTo(before.noRequestId());

        // A marker tracked after it (an empty stream, its id from the parameter): nothing came before it.
        assertThat(streaming.streamFor(940L, Multi.createFrom().empty()).collect().asList().await().atMost(TIMEOUT))
                .isEmpty();
        SharedFake.awaitTracked(940);
        assertThat(SharedFake.metadataFor(940)).isEqualTo(Map.of("environment", "test", "mode", "multi-with-id"));
        assertThat(SharedFake.receivedIds()).containsExactly(940L);
        assertThat(handler.stats().tracked()).isEqualTo(before.tracked() + 1);
    }
}
