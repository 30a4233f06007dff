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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Timeout;

/**
 * Servers that misbehave on a real socket: headers then a stalled body, a body trickled a byte at a
 * time, an endless body. Every call must end within connect-timeout + read-timeout, and no such
 * answer may hold a slot of the engine or exhaust memory.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class MisbehavingServerTest {

    private static final TrackRequest TRACK = TrackRequest.of(1L, Map.of("k", "v"));

    @ParameterizedTest
    @EnumSource(HttpTransport.class)
    void aBodyThatStallsAfterTheHeadersEndsTheCallAtTheDeadline(HttpTransport transport) throws Exception {
        try (ScriptedServer server = new ScriptedServer((arrival, out) ->
                ScriptedServer.stallAfterHeaders(out, Duration.ofSeconds(60)))) {
            PromptLayerClient client = clientFor(server, transport, HttpLogging.NONE);

            assertThatThrownBy(() -> client.trackOnce(TRACK))
                    .isInstanceOfSatisfying(PromptLayerTransportException.class,
                            failure -> assertThat(failure.isTimeout()).isTrue())
                    .hasMessageContaining("no complete answer within 500 ms");
        }
    }

    @ParameterizedTest
    @EnumSource(HttpTransport.class)
    void aBodyTrickledAByteAtATimeEndsTheCallAtTheDeadline(HttpTransport transport) throws Exception {
        try (ScriptedServer server = new ScriptedServer((arrival, out) ->
                ScriptedServer.endlessBody(out, 1, Duration.ofMillis(50)))) {
            PromptLayerClient client = clientFor(server, transport, HttpLogging.FULL);

            assertThatThrownBy(() -> client.trackOnce(TRACK))
                    .isInstanceOfSatisfying(PromptLayerTransportException.class,
                            failure -> assertThat(failure.isTimeout()).isTrue());
        }
    }

    @ParameterizedTest
    @EnumSource(HttpTransport.class)
    void anEndlessBodyIsReadOnlyAsFarAsABoundedPrefixEvenWithFullLogging(HttpTransport transport) throws Exception {
        try (ScriptedServer server = new ScriptedServer((arrival, out) ->
                ScriptedServer.endlessBody(out, 64 * 1024, Duration.ZERO))) {
            PromptLayerClient client = clientFor(server, transport, HttpLogging.FULL);

            assertThatThrownBy(() -> client.trackOnce(TRACK))
                    .isInstanceOf(PromptLayerInvalidResponseException.class)
                    .hasMessageContaining("not its JSON answer");
        }
    }

    @ParameterizedTest
    @EnumSource(HttpTransport.class)
    void stalledAnswersNeverHoldTheEnginesOnlySlotForGood(HttpTransport transport) throws Exception {
        AtomicInteger answers = new AtomicInteger();
        try (ScriptedServer server = new ScriptedServer((arrival, out) -> answers.incrementAndGet() <= 2
                ? ScriptedServer.stallAfterHeaders(out, Duration.ofSeconds(60))
                : ScriptedServer.ok(out))) {
            List<DeadLetter> letters = new CopyOnWriteArrayList<>();
            java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
            DeliveryEngine engine = DeliveryEngine.builder(clientFor(server, transport, HttpLogging.NONE,
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

    @ParameterizedTest
    @EnumSource(HttpTransport.class)
    void aConnectionClosedWithoutAnAnswerIsANetworkFailureNotATimeout(HttpTransport transport) throws Exception {
        try (ScriptedServer server = new ScriptedServer((arrival, out) -> false)) {
            PromptLayerClient client = clientFor(server, transport, HttpLogging.NONE);

            assertNetworkFailureWithoutTheKey(client);
        }
    }

    @ParameterizedTest
    @EnumSource(HttpTransport.class)
    void aRefusedConnectionIsANetworkFailureThatKeepsItsConnectExceptionAsTheCause(HttpTransport transport)
            throws Exception {
        String refusing;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            refusing = "http://127.0.0.1:" + probe.getLocalPort();
        }
        PromptLayerClient client = PromptLayerClient.builder(PromptLayerConfig.builder()
                .apiKey("pl_misbehaving_key").baseUrl(refusing).retryPolicy(RetryPolicy.noRetries()).build())
                .httpTransport(transport)
                .build();

        // Nothing in a refusal quotes the key: the I/O exception itself is the cause, not a stand-in.
        assertThatThrownBy(() -> client.trackOnce(TRACK))
                .isInstanceOfSatisfying(PromptLayerTransportException.class,
                        failure -> assertThat(failure.isTimeout()).isFalse())
                .hasMessageStartingWith("Could not reach PromptLayer at " + refusing)
                .hasCauseInstanceOf(java.net.ConnectException.class);
    }

    @ParameterizedTest
    @EnumSource(HttpTransport.class)
    void garbageInsteadOfAnHttpAnswerIsANetworkFailureWithoutTheKey(HttpTransport transport) throws Exception {
        try (ScriptedServer server = new ScriptedServer((arrival, out) -> {
            out.write("pl_misbehaving_key says hello\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            return false;
        })) {
            PromptLayerClient client = clientFor(server, transport, HttpLogging.FULL);

            assertNetworkFailureWithoutTheKey(client);
        }
    }

    @ParameterizedTest
    @EnumSource(HttpTransport.class)
    void closingTheEngineEndsEveryThreadOfTheTransport(HttpTransport transport) throws Exception {
        try (ScriptedServer server = new ScriptedServer((arrival, out) -> ScriptedServer.ok(out))) {
            java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
            DeliveryEngine engine = DeliveryEngine.start(clientFor(server, transport, HttpLogging.NONE));
            for (long id = 1; id <= 50; id++) {
                engine.offer(TrackRequest.of(id, Map.of("k", "v")));
            }
            assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(Thread.getAllStackTraces().keySet()).as("the transport's threads while it runs")
                    .anyMatch(thread -> !before.contains(thread) && thread.getName().startsWith("pltrack-http-"));
            engine.close();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(Thread.getAllStackTraces().keySet()).as("pltrack-http threads after close()")
                            .filteredOn(thread -> !before.contains(thread) && thread.getName().startsWith("pltrack-http-"))
                            .noneMatch(Thread::isAlive));
            assertThat(engine.client().trackOnce(TRACK).requestId())
                    .as("the client builds a new transport when used after the engine closed")
                    .isEqualTo(1L);
            engine.client().close();
        }
    }

    /** A network failure, not a timeout, and the key in no message of its chain nor in its printed stack trace. */
    private static void assertNetworkFailureWithoutTheKey(PromptLayerClient client) {
        assertThatThrownBy(() -> client.trackOnce(TRACK))
                .isInstanceOfSatisfying(PromptLayerTransportException.class, failure -> {
                    assertThat(failure.isTimeout()).isFalse();
                    for (Throwable link = failure; link != null; link = link.getCause()) {
                        assertThat(String.valueOf(link.getMessage())).as("message of %s", link.getClass())
                                .doesNotContain("pl_misbehaving_key");
                    }
                    java.io.StringWriter trace = new java.io.StringWriter();
                    failure.printStackTrace(new java.io.PrintWriter(trace));
                    assertThat(trace.toString()).as("the stack trace a log line would print")
                            .doesNotContain("pl_misbehaving_key");
                });
    }

    private static PromptLayerClient clientFor(ScriptedServer server, HttpTransport transport, HttpLogging logging) {
        return clientFor(server, transport, logging, RetryPolicy.noRetries());
    }

    private static PromptLayerClient clientFor(ScriptedServer server, HttpTransport transport, HttpLogging logging,
            RetryPolicy retries) {
        return PromptLayerClient.builder(PromptLayerConfig.builder()
                .apiKey("pl_misbehaving_key")
                .baseUrl(server.baseUrl())
                .connectTimeout(Duration.ofMillis(200))
                .readTimeout(Duration.ofMillis(300))
                .httpLogging(logging)
                .retryPolicy(retries)
                .build())
                .httpTransport(transport)
                .build();
    }
}
