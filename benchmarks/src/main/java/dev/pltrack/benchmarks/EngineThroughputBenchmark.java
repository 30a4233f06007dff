package dev.pltrack.benchmarks;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.delivery.DeliveryStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end delivery rate: calls per second that reach {@link MinimalPromptLayerServer} on
 * loopback, each for a distinct request id. Every invocation sends a batch of {@value #BATCH}
 * tracks and returns once all are answered, so the score is answered calls per second.
 *
 * <ul>
 *   <li>{@link #engine}: {@link DeliveryEngine#offer} of {@value #BATCH} distinct tracks, then
 *       {@link DeliveryEngine#flush}; the engine has {@code threads} senders and the default
 *       transport (Feign on the JDK {@code HttpClient}, HTTP/1.1 keep-alive on plain http).</li>
 *   <li>{@link #plainPooledJdkClient}: the baseline, the same POSTs with one shared
 *       {@code java.net.http.HttpClient} (HTTP/1.1, pooled keep-alive connections), from
 *       {@code threads} threads, each sending its share one after another; no Feign, no Jackson.</li>
 *   <li>{@link #rawSocketKeepAlive}: the same POSTs over {@code threads} raw keep-alive sockets,
 *       one request at a time each: the server with a client that costs next to nothing.</li>
 *   <li>{@link #serverCeilingPipelined}: as above, pipelined {@value #PIPELINE_DEPTH} deep: what
 *       the server can answer at most on this machine. It must beat the other three by a wide
 *       margin, or they measured the server.</li>
 * </ul>
 *
 * Run with {@code -p threads=2,4} (the default). The client side shares the machine's cores with the
 * server, as it does with any loopback measurement: compare the scores of one run, not across runs.
 * {@code resends} counts calls sent again: the plain client's broken pooled connections (sent
 * again at once), the engine's retries (after a 1 ms backoff here, so that a resend costs both
 * about the same; the default backoff is 500 ms).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EngineThroughputBenchmark {

    static final int BATCH = 2_000;
    static final int PIPELINE_DEPTH = 50;
    private static final String API_KEY = "pl_benchmark_key";
    private static final Map<String, String> METADATA =
            Map.of("user_id", "user-42", "session_id", "s-1", "feature", "chat");
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RETRY_BACKOFF = Duration.ofMillis(1);

    /** The engine's senders, and the threads (and connections) of every other client. */
    @Param({"2", "4"})
    public int threads;

    private MinimalPromptLayerServer server;
    private DeliveryEngine engine;
    private HttpClient plainClient;
    private URI trackUri;
    private ExecutorService pool;
    private RawHttpConnection[] sequential;
    private RawHttpConnection[] pipelined;
    /** Distinct ids across every benchmark and invocation; 12 digits, as the raw client needs. */
    private final AtomicLong nextId = new AtomicLong(RawHttpConnection.FIRST_ID);

    @Setup(Level.Trial)
    public void start() throws IOException {
        if (BATCH % (threads * PIPELINE_DEPTH) != 0) {
            throw new IllegalArgumentException("the batch of " + BATCH + " must split into " + threads
                    + " threads of whole " + PIPELINE_DEPTH + "-deep pipelines");
        }
        server = new MinimalPromptLayerServer();
        PromptLayerConfig config = PromptLayerConfig.builder()
                .apiKey(API_KEY)
                .baseUrl(server.baseUrl())
                // The plain client sends a call again at once when the JDK client breaks a pooled
                // connection; with the default 500 ms backoff one such resend would stall a whole batch.
                .retryPolicy(new RetryPolicy(RetryPolicy.DEFAULT_MAX_ATTEMPTS, RETRY_BACKOFF, RETRY_BACKOFF))
                .build();
        engine = DeliveryEngine.builder(PromptLayerClient.create(config))
                .config(DeliveryConfig.builder().maxInFlight(threads).queueCapacity(10_000).build())
                .build();

        plainClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        trackUri = URI.create(server.baseUrl() + "/rest/track-metadata");
        AtomicInteger made = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "bench-client-" + made.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        sequential = new RawHttpConnection[threads];
        pipelined = new RawHttpConnection[threads];
        for (int t = 0; t < threads; t++) {
            sequential[t] = new RawHttpConnection(server.port(), API_KEY, 1);
            pipelined[t] = new RawHttpConnection(server.port(), API_KEY, PIPELINE_DEPTH);
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        DeliveryStats stats = engine.stats();
        if (stats.submitted() > 0) {
            System.out.printf("%nengine (%d senders): submitted %,d, delivered %,d, rejected %,d, failed %,d, retried %,d,"
                            + " coalesced %,d%n", threads, stats.submitted(), stats.delivered(), stats.rejected(),
                    stats.failed(), stats.retried(), stats.coalesced());
        }
        System.out.printf("%nserver answered %,d calls in this trial (warm-up included)%n", server.served());
        engine.close();
        pool.shutdownNow();
        for (int t = 0; t < threads; t++) {
            sequential[t].close();
            pipelined[t].close();
        }
        server.close();
    }

    /** Calls sent again, reported beside each score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Resends {
        public long resends;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void engine(Resends resends) throws InterruptedException {
        long retriedBefore = engine.stats().retried();
        long first = nextId.getAndAdd(BATCH);
        for (int i = 0; i < BATCH; i++) {
            if (!engine.offer(TrackRequest.of(first + i, METADATA))) {
                throw new IllegalStateException("the engine refused a track: " + engine.stats());
            }
        }
        if (!engine.flush(FLUSH_TIMEOUT)) {
            throw new IllegalStateException("the engine did not deliver " + BATCH + " tracks within " + FLUSH_TIMEOUT);
        }
        resends.resends += engine.stats().retried() - retriedBefore;
    }

    /**
     * After each iteration, every track the engine accepted must have been delivered. Checked here
     * rather than after each flush: a sender counts a delivery just after it frees the track's room,
     * so right after {@code flush} the last delivery or two may not be counted yet.
     */
    @TearDown(Level.Iteration)
    public void checkEngineDeliveredEverything() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        DeliveryStats stats = engine.stats();
        while (stats.delivered() != stats.submitted() && System.nanoTime() < deadline) {
            Thread.sleep(1);
            stats = engine.stats();
        }
        if (stats.delivered() != stats.submitted() || stats.rejected() != 0 || stats.failed() != 0) {
            throw new IllegalStateException("the engine did not deliver every track it accepted: " + stats);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void plainPooledJdkClient(Resends resends) throws Exception {
        resends.resends += onEveryThread((thread, first, count) -> {
            long sentAgain = 0;
            for (long id = first; id < first + count; id++) {
                HttpRequest request = HttpRequest.newBuilder(trackUri)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("X-API-KEY", API_KEY)
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"api_key\":\"" + API_KEY + "\",\"request_id\":"
                                + id + ",\"metadata\":{\"user_id\":\"user-42\",\"session_id\":\"s-1\","
                                + "\"feature\":\"chat\"}}"))
                        .build();
                HttpResponse<String> response;
                try {
                    response = plainClient.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (IOException broken) {
                    // The JDK client meets a broken pooled connection now and then; send again, and count it.
                    sentAgain++;
                    response = plainClient.send(request, HttpResponse.BodyHandlers.ofString());
                }
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("server answered " + response.statusCode());
                }
            }
            return sentAgain;
        });
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void rawSocketKeepAlive() throws Exception {
        onEveryThread((thread, first, count) -> {
            for (long id = first; id < first + count; id++) {
                sequential[thread].exchange(id, 1);
            }
            return 0;
        });
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void serverCeilingPipelined() throws Exception {
        onEveryThread((thread, first, count) -> {
            for (long id = first; id < first + count; id += PIPELINE_DEPTH) {
                pipelined[thread].exchange(id, PIPELINE_DEPTH);
            }
            return 0;
        });
    }

    /** One share of a batch, on one client thread. */
    @FunctionalInterface
    private interface Share {
        /** @return calls sent again */
        long send(int thread, long firstId, int count) throws Exception;
    }

    /** Splits a batch of distinct ids over the {@code threads} client threads and waits for all. */
    private long onEveryThread(Share share) throws InterruptedException {
        int perThread = BATCH / threads;
        long first = nextId.getAndAdd(BATCH);
        List<Future<Long>> running = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            long from = first + (long) t * perThread;
            running.add(pool.submit(() -> share.send(thread, from, perThread)));
        }
        long total = 0;
        for (Future<Long> future : running) {
            try {
                total += future.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw new UncheckedIOException(io);
                }
                throw new IllegalStateException(cause);
            }
        }
        return total;
    }
}
