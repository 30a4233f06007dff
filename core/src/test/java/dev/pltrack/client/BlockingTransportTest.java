package dev.pltrack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.sockets.ScriptedServer;
import feign.Client;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A user's blocking Feign {@link Client} in place of pltrack's asynchronous transports: it sends
 * (synchronously and from the engine), pltrack's threads for it end after close, and the client
 * works again after it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BlockingTransportTest {

    @Test
    @SuppressWarnings("deprecation") // Client.Default: the simplest blocking client feign-core has
    void aBlockingClientDeliversAndItsThreadsEndWithTheEngine() throws Exception {
        try (ScriptedServer server = new ScriptedServer((arrival, out) -> ScriptedServer.ok(out))) {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            PromptLayerClient client = PromptLayerClient.builder(PromptLayerConfig.builder()
                            .apiKey("pl_blocking_key").baseUrl(server.baseUrl()).build())
                    .transport(new Client.Default(null, null))
                    .httpTransport(HttpTransport.JDK)
                    .build();
            assertThat(client.track(1L, Map.of("k", "v")).requestId()).isEqualTo(1L);
            try (DeliveryEngine engine = DeliveryEngine.start(client)) {
                for (long id = 2; id <= 41; id++) {
                    engine.offer(TrackRequest.of(id, Map.of("k", "v")));
                }
                assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();
                assertThat(engine.stats().delivered()).isEqualTo(40);
            }
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(Thread.getAllStackTraces().keySet()).as("pltrack's threads after close()")
                            .filteredOn(thread -> !before.contains(thread) && thread.getName().startsWith("pltrack-"))
                            .noneMatch(Thread::isAlive));
            assertThat(server.arrivals()).hasSize(41)
                    .allSatisfy(arrival -> assertThat(arrival.header("X-API-KEY")).isEqualTo("pl_blocking_key"));
            assertThat(client.track(42L, Map.of("k", "v")).requestId()).isEqualTo(42L);
            client.close();
        }
    }
}
