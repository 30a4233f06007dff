package dev.pltrack.benchmarks;

import dev.pltrack.client.LogRequest;
import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.client.blueprint.ChatMessage;
import dev.pltrack.client.blueprint.PromptBlueprint;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.delivery.DeliveryStats;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivery throughput and CPU per delivered track against a {@link MinimalPromptLayerServer} running
 * in another process (so that this process's CPU time is the client's alone). Run by
 * {@code benchmarks/compare-delivery.sh}, which starts the servers and runs this harness on today's
 * engine, on the engine of an earlier commit (the same bytecode against that commit's core jar: it
 * uses only API both have, unless {@code --transport} is given) and on plain asynchronous clients:
 * {@code java.net.http} ({@code plain}) and Apache HttpClient 5 ({@code plain-hc5}).
 *
 * <pre>
 * java -cp benchmarks.jar dev.pltrack.benchmarks.DeliveryHarness --mode engine|plain|plain-hc5 --base-url URL
 *      [--tracks 10000] [--warmup 1] [--rounds 5] [--in-flight 64] [--transport APACHE_ASYNC|JDK (engine only)]
 * java -cp benchmarks.jar dev.pltrack.benchmarks.DeliveryHarness --mode storm --base-url URL [--seconds 15] [--rate 400]
 * </pre>
 * Prints one line of results; each round offers {@code --tracks} distinct tracks at once and waits
 * until all are delivered; the first {@code --warmup} rounds warm up and are not counted; the median
 * of the rest is reported.
 */
public final class DeliveryHarness {

    private static final String API_KEY = "pl_benchmark_key";
    private static final Map<String, String> METADATA =
            Map.of("user_id", "user-42", "session_id", "s-1", "feature", "chat");
    private static final AtomicLong NEXT_ID = new AtomicLong(1);

    private DeliveryHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String baseUrl = options.get("--base-url");
        String mode = options.getOrDefault("--mode", "engine");
        int tracks = Integer.parseInt(options.getOrDefault("--tracks", "10000"));
        int warmup = Integer.parseInt(options.getOrDefault("--warmup", "1"));
        int rounds = Integer.parseInt(options.getOrDefault("--rounds", "5"));
        int inFlight = Integer.parseInt(options.getOrDefault("--in-flight", "64"));
        switch (mode) {
            case "engine" -> report(mode,
                    engineRounds(client(baseUrl, options.get("--transport")), tracks, warmup, rounds));
            case "plain" -> report(mode, plainRounds(baseUrl, tracks, warmup, rounds, inFlight));
            case "plain-hc5" -> report(mode, PlainHc5.rounds(baseUrl, tracks, warmup, rounds, inFlight));
            case "log-track" -> report(mode, LogWorkload.rounds(client(baseUrl, null), tracks, warmup, rounds));
            case "storm" -> storm(baseUrl, Integer.parseInt(options.getOrDefault("--seconds", "15")),
                    Integer.parseInt(options.getOrDefault("--rate", "400")));
            default -> throw new IllegalArgumentException(
                    "--mode engine, log-track, plain, plain-hc5 or storm, not " + mode);
        }
        System.exit(0);
    }

    /** One round's figures. */
    record Round(double tracksPerSecond, double cpuMicrosPerTrack) {
    }

    /** A client on the default transport, or on the one named (an engine of today's only). */
    private static PromptLayerClient client(String baseUrl, String transport) {
        PromptLayerConfig config = PromptLayerConfig.builder().apiKey(API_KEY).baseUrl(baseUrl).build();
        return transport == null ? PromptLayerClient.create(config) : Transports.client(config, transport);
    }

    /** Kept apart so that an earlier core, which has no HttpTransport, never loads this. */
    private static final class Transports {
        static PromptLayerClient client(PromptLayerConfig config, String transport) {
            return PromptLayerClient.builder(config)
                    .httpTransport(dev.pltrack.client.HttpTransport.valueOf(transport))
                    .build();
        }
    }

    private static List<Round> engineRounds(PromptLayerClient client, int tracks, int warmup, int rounds)
            throws Exception {
        // Default settings but room for a whole round: the figure is delivery, not overflow.
        DeliveryEngine engine = DeliveryEngine.builder(client)
                .config(DeliveryConfig.builder().queueCapacity(Math.max(tracks, 10_000)).build())
                .build();
        List<Round> results = new ArrayList<>();
        try {
            for (int round = 0; round < warmup + rounds; round++) {
                long cpuBefore = processCpuNanos();
                long start = System.nanoTime();
                for (int i = 0; i < tracks; i++) {
                    if (!engine.offer(TrackRequest.of(NEXT_ID.getAndIncrement(), METADATA))) {
                        throw new IllegalStateException("a track was refused: " + engine.stats());
                    }
                }
                if (!engine.flush(Duration.ofMinutes(5))) {
                    throw new IllegalStateException("not flushed: " + engine.stats());
                }
                results.add(round(tracks, start, cpuBefore));
            }
            DeliveryStats stats = engine.stats();
            if (stats.failed() > 0) {
                throw new IllegalStateException("tracks failed: " + stats);
            }
        } finally {
            engine.close();
        }
        return results.subList(warmup, results.size());
    }

    /** Kept apart, as {@link Transports} is: an earlier core has no logs. */
    private static final class LogWorkload {
        /**
         * Logs {@code logs} LLM calls, each with metadata addressed to its handle at once (the integration
         * pattern: log the call, then tag it). Prints how many HTTP calls each log cost: 1 when the metadata
         * traveled inside the log, 2 when the log had gone out first.
         */
        static List<Round> rounds(PromptLayerClient client, int logs, int warmup, int rounds)
                throws Exception {
            LogRequest call = LogRequest.builder("openai", "gpt-4o")
                    .input(PromptBlueprint.chat(ChatMessage.system("You are terse."), ChatMessage.user("Hello?")))
                    .output(PromptBlueprint.chat(ChatMessage.assistant("Hi.")))
                    .times(Instant.parse("2026-12-03T10:00:00Z"), Instant.parse("2026-12-03T10:00:00.420Z"))
                    .tokens(12, 2)
                    .build();
            DeliveryEngine engine = DeliveryEngine.builder(client)
                    .config(DeliveryConfig.builder().queueCapacity(Math.max(2 * logs, 10_000)).build())
                    .build();
            List<Round> results = new ArrayList<>();
            try {
                for (int round = 0; round < warmup + rounds; round++) {
                    DeliveryStats before = engine.stats();
                    long cpuBefore = processCpuNanos();
                    long start = System.nanoTime();
                    for (int i = 0; i < logs; i++) {
                        engine.log(call).track(METADATA);
                    }
                    if (!engine.flush(Duration.ofMinutes(5))) {
                        throw new IllegalStateException("not flushed: " + engine.stats());
                    }
                    results.add(round(logs, start, cpuBefore));
                    DeliveryStats after = engine.stats();
                    if (round >= warmup) {
                        System.out.printf("  round: %.2f HTTP calls per log%n",
                                (double) (after.delivered() - before.delivered()) / logs);
                    }
                }
                if (engine.stats().failed() > 0) {
                    throw new IllegalStateException("logs failed: " + engine.stats());
                }
            } finally {
                engine.close();
            }
            return results.subList(warmup, results.size());
        }
    }

    static String body() {
        return "{\"api_key\":\"" + API_KEY + "\",\"request_id\":" + NEXT_ID.getAndIncrement()
                + ",\"metadata\":{\"user_id\":\"user-42\",\"session_id\":\"s-1\",\"feature\":\"chat\"}}";
    }

    static String apiKey() {
        return API_KEY;
    }

    private static List<Round> plainRounds(String baseUrl, int tracks, int warmup, int rounds, int inFlight)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = URI.create(baseUrl + "/rest/track-metadata");
        Semaphore window = new Semaphore(inFlight);
        List<Round> results = new ArrayList<>();
        for (int round = 0; round < warmup + rounds; round++) {
            long cpuBefore = processCpuNanos();
            long start = System.nanoTime();
            List<CompletableFuture<?>> answers = new ArrayList<>(tracks);
            for (int i = 0; i < tracks; i++) {
                window.acquire();
                String body = body();
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").header("X-API-KEY", API_KEY)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                        .whenComplete((response, failure) -> window.release()));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
            results.add(round(tracks, start, cpuBefore));
        }
        return results.subList(warmup, results.size());
    }

    /** Tracks at a steady rate while the server rate-limits a third of them: what the window does. */
    private static void storm(String baseUrl, int seconds, int rate) throws Exception {
        PromptLayerClient client = PromptLayerClient.create(PromptLayerConfig.builder()
                .apiKey(API_KEY).baseUrl(baseUrl).build());
        DeliveryEngine engine = DeliveryEngine.start(client);
        int total = seconds * rate;
        long start = System.nanoTime();
        int minWindow = Integer.MAX_VALUE;
        List<String> windowEverySecond = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            long due = start + TimeUnit.SECONDS.toNanos(1) * i / rate;
            while (System.nanoTime() < due) {
                Thread.sleep(0, 200_000);
            }
            engine.offer(TrackRequest.of(NEXT_ID.getAndIncrement(), METADATA));
            int window = engine.stats().window();
            minWindow = Math.min(minWindow, window);
            if (i % rate == 0) {
                windowEverySecond.add(String.valueOf(window));
            }
        }
        boolean flushed = engine.flush(Duration.ofMinutes(2));
        DeliveryStats stats = engine.stats();
        engine.close();
        long attempts = stats.delivered() + stats.retried() + stats.failed();
        System.out.printf("storm tracks=%d delivered=%d failed=%d flushed=%s attempts=%d attempts/track=%.2f"
                        + " pauses=%d window-decreases=%d min-window=%d final-window=%d window-each-second=%s%n",
                total, stats.delivered(), stats.failed(), flushed, attempts, (double) attempts / total,
                stats.pauses(), stats.windowDecreases(), minWindow, stats.window(), windowEverySecond);
    }

    static Round round(int tracks, long startNanos, long cpuBeforeNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpuMicros = (processCpuNanos() - cpuBeforeNanos) / 1e3;
        return new Round(tracks / seconds, cpuMicros / tracks);
    }

    private static void report(String mode, List<Round> rounds) {
        List<Double> rates = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        rounds.forEach(round -> {
            rates.add(round.tracksPerSecond());
            cpu.add(round.cpuMicrosPerTrack());
        });
        System.out.printf("%s tracks/s=%.0f cpu-us/track=%.1f rounds=%s%n", mode, median(rates), median(cpu),
                rounds.stream().map(r -> String.format("%.0f/%.1f", r.tracksPerSecond(), r.cpuMicrosPerTrack())).toList());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
