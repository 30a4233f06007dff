package dev.pltrack.benchmarks;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.PromptLayerTransportException;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.client.TrackResult;
import feign.Client;
import feign.okhttp.OkHttpClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Which HTTP transport under Feign sends tracks fastest: calls per second of
 * {@link PromptLayerClient#trackOnce} on each transport against a loopback server that is much
 * faster than any of them, next to the baseline {@link #rawJdkHttpClient}: the same POST sent with
 * a bare {@code java.net.http.HttpClient}, no Feign, no JSON encoding. Run it with {@code -t 1}
 * (one caller: latency-bound) and {@code -t 4} (concurrent callers: pool-bound).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TransportBenchmark {

    private static final String API_KEY = "pl_benchmark_key";

    @Param({"apache-async", "jdk-http-client", "http-url-connection", "okhttp"})
    public String transport;

    private MinimalPromptLayerServer server;
    private PromptLayerClient client;
    private TrackRequest request;
    private HttpClient rawClient;
    private HttpRequest rawRequest;

    @Setup(Level.Trial)
    public void start() throws IOException {
        server = new MinimalPromptLayerServer();
        PromptLayerConfig config = PromptLayerConfig.builder()
                .apiKey(API_KEY)
                .baseUrl(server.baseUrl())
                .retryPolicy(RetryPolicy.noRetries())
                .build();
        PromptLayerClient.Builder builder = PromptLayerClient.builder(config);
        switch (transport) {
            case "apache-async" -> { } // the default
            case "jdk-http-client" -> builder.httpTransport(dev.pltrack.client.HttpTransport.JDK);
            case "http-url-connection" -> builder.transport(new Client.Default(null, null));
            case "okhttp" -> builder.transport(new OkHttpClient());
            default -> throw new IllegalArgumentException("unknown transport " + transport);
        }
        client = builder.build();
        request = TrackRequest.of(123456789L, Map.of("user_id", "user-42", "session_id", "s-1", "feature", "chat"));

        rawClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        rawRequest = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/rest/track-metadata"))
                .header("Content-Type", "application/json")
                .header("X-API-KEY", API_KEY)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"api_key\":\"" + API_KEY + "\",\"request_id\":123456789,"
                        + "\"metadata\":{\"user_id\":\"user-42\",\"session_id\":\"s-1\",\"feature\":\"chat\"}}"))
                .build();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        client.close();
        server.close();
    }

    /**
     * Broken pooled connections met and sent again, reported beside each score. The JDK client
     * meets some under concurrency ("HTTP/1.1 header parser received no bytes"): counting them
     * keeps one such failure from aborting the trial and shows how often it happens.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Resends {
        public long resends;
    }

    @Benchmark
    public TrackResult feignTrack(Resends resends) {
        try {
            return client.trackOnce(request);
        } catch (PromptLayerTransportException broken) {
            resends.resends++;
            return client.trackOnce(request);
        }
    }

    /** The baseline; it ignores the transport parameter, so each trial measures it once more. */
    @Benchmark
    public String rawJdkHttpClient(Resends resends) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = rawClient.send(rawRequest, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException broken) {
            resends.resends++;
            response = rawClient.send(rawRequest, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("server answered " + response.statusCode());
        }
        return response.body();
    }
}
