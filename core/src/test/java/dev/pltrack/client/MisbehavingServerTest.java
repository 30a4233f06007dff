package dev.pltrack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pltrack.delivery.DeadLetter;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.sockets.ScriptedServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Servers that misbehave on a real socket: headers then a stalled body, a body trickled a byte at a
 * time, an endless body. Every call must end within connect-timeout + read-timeout, and no such
 * answer may hold a slot of the engine or exhaust memory.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class MisbehavingServerTest {

    private static final TrackRequest TRACK = TrackRequest.of(1L, Map.of("k", "v"));

    @Test
    void aBodyThatStallsAfterTheHeadersEndsTheCallAtTheDeadline() throws Exception {
        try (ScriptedServer server = new ScriptedServer((arrival, out) ->
                ScriptedServer.stallAfterHeaders(out, Duration.ofSeconds(60)))) {
            PromptLayerClient client = clientFor(server, HttpLogging.NONE);

            assertThatThrownBy(() -> client.trackOnce(TRACK))
                    .isInstanceOfSatisfying(PromptLayerTransportException.class,
                            failure -> assertThat(failure.isTimeout()).isTrue())
                    .hasMessageContaining("no complete answer within 500 ms");
        }
    }

    @Test
    void aBodyTrickledAByteAtATimeEndsTheCallAtTheDeadline() throws Exception {
        try (ScriptedServer server = new ScriptedServer((arrival, out) ->
                ScriptedServer.endlessBody(out, 1, Duration.ofMillis(50)))) {
            PromptLayerClient client = clientFor(server, HttpLogging.FULL);

            assertThatThrownBy(() -> client.trackOnce(TRACK))
                    .isInstanceOfSatisfying(PromptLayerTransportException.class,
                            failure -> assertThat(failure.isTimeout()).isTrue());
        }
    }

    @Test
    void anEndlessBodyIsReadOnlyAsFarAsABoundedPrefixEvenWithFullLogging() throws Exception {
        try (ScriptedServer server = new ScriptedServer((arrival, out) ->
                ScriptedServer.endlessBody(out, 64 * 1024, Duration.ZERO))) {
            PromptLayerClient client = clientFor(server, HttpLogging.FULL);

            assertThatThrownBy(() -> client.trackOnce(TRACK))
                    .isInstanceOf(PromptLayerInvalidResponseException.class)
                    .hasMessageContaining("not its JSON answer");
        }
    }

    @Test
    void stalledAnswersNeverHoldTheEnginesOnlySlotForGood() throws Exception {
        AtomicInteger answers = new AtomicInteger();
        try (ScriptedServer server = new ScriptedServer((arrival, out) -> answers.incrementAndGet() <= 2
                ? ScriptedServer.stallAfterHeaders(out, Duration.ofSeconds(60))
                : ScriptedServer.ok(out))) {
            List<DeadLetter> letters = new CopyOnWriteArrayList<>();
            java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
            DeliveryEngine engine = DeliveryEngine.builder(clientFor(server, HttpLogging.NONE,
                            new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(50))))
                    .config(DeliveryConfig.builder().maxInFlight(1).build())
                    .deadLetterHandler(letters::add)
                    .build();
            try (engine) {
                for (long id = 1; id <= 5; id++) {
                    engine.offer(TrackRequest.of(id, Map.of("k", "v")));
                }
                assertThat(engine.flush(Duration.ofSeconds(15))).isTrue();
                assertThat(engine.stats().delivered()).isEqualTo(5);
                assertThat(engine.stats().inFlight()).isZero();
            }
            assertThat(letters).isEmpty();
            assertThat(Thread.getAllStackTraces().keySet()).as("the engine's threads after close()")
                    .filteredOn(thread -> !before.contains(thread) && thread.getName().startsWith("pltrack-delivery-"))
                    .noneMatch(Thread::isAlive);
        }
    }

    private static PromptLayerClient clientFor(ScriptedServer server, HttpLogging logging) {
        return clientFor(server, logging, RetryPolicy.noRetries());
    }

    private static PromptLayerClient clientFor(ScriptedServer server, HttpLogging logging, RetryPolicy retries) {
        return PromptLayerClient.create(PromptLayerConfig.builder()
                .apiKey("pl_misbehaving_key")
                .baseUrl(server.baseUrl())
                .connectTimeout(Duration.ofMillis(200))
                .readTimeout(Duration.ofMillis(300))
                .httpLogging(logging)
                .retryPolicy(retries)
                .build());
    }
}
