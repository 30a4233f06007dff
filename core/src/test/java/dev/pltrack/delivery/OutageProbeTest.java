package dev.pltrack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.sockets.ScriptedServer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An outage seen from PromptLayer's side: after the first burst fails, one probe at a time, then
 * every track once. It counts requests as the server reads them over seconds, which instrumented
 * mutation runs slow down too much, so they leave it out ({@link OutageTest} covers the same paths).
 */
class OutageProbeTest {

    private static final String KEY = "pl_outage_test_key";
    private static final Pattern REQUEST_ID = Pattern.compile("\"request_id\"\\s*:\\s*(\\d+)");

    @Test
    void duringAnOutageOneProbeAtATimeIsSentAndTheFirstHealthyAnswerReleasesEveryone() throws Exception {
        // 503 for everyone during the 6 s after the first request (a busy machine may take seconds to send it).
        AtomicLong healthyFromNanos = new AtomicLong();
        // A request for an id the server has seen before is a retry or a probe, not a first send.
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger repeatsOpen = new AtomicInteger();
        AtomicInteger mostRepeatsOpen = new AtomicInteger();
        AtomicLong repeatsRefused = new AtomicLong();
        try (ScriptedServer server = new ScriptedServer((arrival, out) -> {
            healthyFromNanos.compareAndSet(0, arrival.arrivedNanos() + TimeUnit.SECONDS.toNanos(6));
            boolean healthy = System.nanoTime() - healthyFromNanos.get() > 0;
            Matcher id = REQUEST_ID.matcher(arrival.body());
            boolean repeat = id.find() && !seen.add(id.group(1));
            boolean counted = repeat && !healthy;
            if (counted) {
                mostRepeatsOpen.accumulateAndGet(repeatsOpen.incrementAndGet(), Math::max);
                repeatsRefused.incrementAndGet();
            }
            try {
                Thread.sleep(100);
                return healthy ? ScriptedServer.ok(out) : ScriptedServer.answer(out, 503, Map.of(), "{\"success\":false}");
            } finally {
                if (counted) {
                    repeatsOpen.decrementAndGet();
                }
            }
        })) {
            RecordingDeadLetters deadLetters = new RecordingDeadLetters();
            // Pauses of 1-2 s: the two retries scheduled before the third 503 declared the outage come
            // due well after it, however slow the machine, and so wait for the probe like the rest.
            RetryPolicy retries = new RetryPolicy(4, Duration.ofSeconds(2), Duration.ofSeconds(2));
            try (DeliveryEngine engine = DeliveryEngine.builder(clientFor(server.baseUrl(), retries))
                    .config(DeliveryConfig.builder().linger(Duration.ZERO).build())
                    .deadLetterHandler(deadLetters).build()) {
                for (long id = 1; id <= 50; id++) {
                    engine.offer(TrackRequest.of(id, Map.of("n", Long.toString(id))));
                }
                assertThat(engine.flush(Duration.ofSeconds(30))).isTrue();
                DeliveryStats stats = engine.stats();
                assertThat(stats.delivered()).isEqualTo(50);
                assertThat(stats.failed()).isZero();
                assertThat(stats.outages()).isEqualTo(1);
                assertThat(stats.outage()).isFalse();
            }
            assertThat(deadLetters.letters).isEmpty();
            // Without outage mode the 50 tracks would each be retried two or three times in those 6 s.
            assertThat(mostRepeatsOpen.get()).as("probes during the outage, never two at once").isLessThanOrEqualTo(1);
            assertThat(repeatsRefused.get()).as("a probe every 1-2 s for 6 s, not retries of 50 tracks")
                    .isLessThanOrEqualTo(6L);
            assertThat(server.arrivals()).as("the burst, the probes, then each track once")
                    .hasSizeLessThanOrEqualTo(50 + 6 + 50);
        }
    }

    private static PromptLayerClient clientFor(String baseUrl, RetryPolicy retries) {
        return PromptLayerClient.create(PromptLayerConfig.builder().apiKey(KEY).baseUrl(baseUrl).retryPolicy(retries).build());
    }
}
