package dev.pltrack.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * A fake PromptLayer {@code POST /rest/track-metadata} endpoint on a real HTTP port of {@code
 * 127.0.0.1}, for tests of code that tracks metadata.
 *
 * <p>It answers like PromptLayer: 400 for a body that is not a JSON object, 401 for a wrong or
 * missing key (the {@code X-API-KEY} header when sent, else the body's {@code api_key}), 422 with a
 * FastAPI {@code detail} list for schema violations, else 200 {@code
 * {"success":true,"message":...}}. Accepted metadata is merged per request id, later values
 * winning, as PromptLayer stores it. Every request is recorded, and {@link #failNext} and {@link
 * #respondSlowly} make it misbehave on purpose.
 *
 * <pre>{@code
 * try (FakePromptLayer promptLayer = FakePromptLayer.start()) {
 *   client = MyClient.create(promptLayer.baseUrl(), promptLayer.apiKey());
 *   client.track(42, Map.of("user_id", "u1"));
 *   promptLayer.awaitAccepted(1, Duration.ofSeconds(5));
 *   assertEquals(Map.of("user_id", "u1"), promptLayer.metadataFor(42));
 * }
 * }</pre>
 *
 * <p>Thread-safe. Built on WireMock with its request journal off, so memory grows only by one
 * compact {@link RecordedTrack} per request.
 */
public final class FakePromptLayer implements AutoCloseable {

    /** The key a fake accepts unless told otherwise. Not a real key. */
    public static final String DEFAULT_API_KEY = "pl_fake_0123456789abcdef";

    /** The only path the fake serves (POST only). */
    public static final String TRACK_PATH = "/rest/track-metadata";

    private static final String LOOPBACK = "127.0.0.1";
    private static final int DEFAULT_CONTAINER_THREADS = 50;

    private final WireMockServer server;
    private final TrackLedger ledger;
    private final String apiKey;
    private final int port;

    private FakePromptLayer(WireMockServer server, TrackLedger ledger, String apiKey) {
        this.server = server;
        this.ledger = ledger;
        this.apiKey = apiKey;
        this.port = server.port();
    }

    /** Starts a fake on a free port of 127.0.0.1 that accepts {@link #DEFAULT_API_KEY}. */
    public static FakePromptLayer start() {
        return builder().start();
    }

    /** For a fixed port, another key or more server threads. */
    public static Builder builder() {
        return new Builder();
    }

    /** E.g. {@code http://127.0.0.1:53127}, without a trailing slash. */
    public String baseUrl() {
        return "http://" + LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    /** The key this fake accepts. */
    public String apiKey() {
        return apiKey;
    }

    /**
     * Every request to {@link #TRACK_PATH} in arrival order, rejected and faulted ones included.
     */
    public List<RecordedTrack> received() {
        return ledger.received();
    }

    /** The requests answered 200 {@code {"success":true}}, in arrival order. */
    public List<RecordedTrack> accepted() {
        return ledger.accepted();
    }

    /**
     * What PromptLayer would now hold for this request id: the accepted tracks' metadata merged in
     * arrival order, a later value replacing an earlier one for the same key. Empty if none.
     */
    public Map<String, String> metadataFor(long requestId) {
        return ledger.metadataFor(requestId);
    }

    /** The ids with at least one accepted track, in order of first acceptance. */
    public Set<Long> trackedRequestIds() {
        return ledger.trackedRequestIds();
    }

    public int acceptedCount() {
        return ledger.acceptedCount();
    }

    /**
     * Waits, without polling, until at least {@code count} tracks were accepted, for clients that
     * deliver in the background.
     *
     * @return {@link #accepted()} at that moment
     * @throws AssertionError on timeout, with the expected and actual counts and a summary of what
     *     was received
     */
    public List<RecordedTrack> awaitAccepted(int count, Duration timeout) {
        return ledger.awaitAccepted(count, Objects.requireNonNull(timeout, "timeout"));
    }

    /** Like {@link #awaitAccepted} but counts every request, whatever its answer. */
    public List<RecordedTrack> awaitReceived(int count, Duration timeout) {
        return ledger.awaitReceived(count, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * The next {@code times} requests get {@code fault} instead of their normal answer. Calls queue
     * up: {@code failNext(2, a); failNext(1, b)} gives a, a, b, then normal answers.
     */
    public void failNext(int times, Fault fault) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative, got " + times);
        }
        ledger.failNext(times, Objects.requireNonNull(fault, "fault"));
    }

    /**
     * Delays every later answer, normal or faulted, by {@code delay} (added to a {@link
     * Fault#delay}); {@link Duration#ZERO} turns it off. The request is recorded on arrival, the
     * answer leaves after the delay.
     */
    public void respondSlowly(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
        ledger.respondSlowly(delay);
    }

    /** Forgets recordings, queued faults and the delay; sequence numbers start again at 1. */
    public void reset() {
        ledger.reset();
    }

    /** Stops the server; recordings stay readable. Calling it twice is harmless. */
    @Override
    public void close() {
        server.stop();
    }

    /** Address, masked key and counts; never the key itself. */
    @Override
    public String toString() {
        return "FakePromptLayer["
                + baseUrl()
                + ", apiKey="
                + Secrets.mask(apiKey)
                + ", received="
                + ledger.receivedCount()
                + ", accepted="
                + ledger.acceptedCount()
                + ", queuedFaults="
                + ledger.queuedFaults()
                + "]";
    }

    /**
     * Runs a fake until the process is killed, for trying a client or curl by hand.
     *
     * @param args optional port (default 0: any free port)
     */
    public static void main(String[] args) throws InterruptedException {
        int port;
        try {
            port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        } catch (NumberFormatException notAPort) {
            System.err.println("Usage: FakePromptLayer [port]   (0 or nothing: any free port)");
            System.exit(2);
            return;
        }
        FakePromptLayer fake = startPrinting(port, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(fake::close, "fake-promptlayer-shutdown"));
        new CountDownLatch(1).await();
    }

    /**
     * Starts a fake that prints how to reach it and one line per accepted track. The printed key is
     * {@link #DEFAULT_API_KEY}, which is public.
     */
    static FakePromptLayer startPrinting(int port, PrintStream out) {
        FakePromptLayer fake = builder().port(port).start();
        fake.ledger.onAccepted(track -> out.println(TrackReport.summary(track)));
        out.println("Fake PromptLayer listening on " + fake.baseUrl());
        out.println("API key: " + fake.apiKey());
        out.println(
                "Try: curl -i -X POST "
                        + fake.baseUrl()
                        + TRACK_PATH
                        + " -H 'Content-Type: application/json' -H 'X-API-KEY: "
                        + fake.apiKey()
                        + "'"
                        + " -d '{\"request_id\": 1, \"metadata\": {\"user_id\": \"u1\"}}'");
        out.flush();
        return fake;
    }

    /** Options for a fake; {@link #start()} starts one. */
    public static final class Builder {

        private int port;
        private String apiKey = DEFAULT_API_KEY;
        private int containerThreads = DEFAULT_CONTAINER_THREADS;

        private Builder() {}

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0-65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** The only key the fake accepts; default {@link #DEFAULT_API_KEY}. */
        public Builder apiKey(String apiKey) {
            Objects.requireNonNull(apiKey, "apiKey");
            if (apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey must not be blank");
            }
            this.apiKey = apiKey;
            return this;
        }

        /**
         * Server threads, default 50: each concurrent request, and each delayed answer while it
         * waits, holds one.
         */
        public Builder containerThreads(int containerThreads) {
            if (containerThreads < 10) {
                throw new IllegalArgumentException(
                        "containerThreads must be at least 10 (Jetty needs some for itself), got "
                                + containerThreads);
            }
            this.containerThreads = containerThreads;
            return this;
        }

        public FakePromptLayer start() {
            TrackLedger ledger = new TrackLedger();
            WireMockConfiguration options =
                    WireMockConfiguration.options()
                            .bindAddress(LOOPBACK)
                            .containerThreads(containerThreads)
                            .disableRequestJournal()
                            .notifier(new SilentNotifier())
                            .mappingSource(new NoMappings())
                            // HTTP/1.1 only, so that connection faults behave the same for every
                            // client.
                            .http2PlainDisabled(true)
                            // Content-Length rather than chunked bodies, as PromptLayer's server
                            // sends them.
                            .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)
                            // Nobody may rewire the fake over HTTP; tests use this class instead.
                            .adminAuthenticator(request -> false)
                            .extensions(new TrackTransformer(ledger, apiKey));
            if (port == 0) {
                options.dynamicPort();
            } else {
                options.port(port);
            }
            WireMockServer server = new WireMockServer(options);
            server.stubFor(
                    post(urlPathEqualTo(TRACK_PATH))
                            .atPriority(1)
                            .willReturn(aResponse().withTransformers(TrackTransformer.NAME)));
            server.stubFor(
                    any(anyUrl())
                            .atPriority(10)
                            .willReturn(
                                    aResponse()
                                            .withStatus(404)
                                            .withHeader("Content-Type", Answer.JSON)
                                            .withBody(PromptLayerBodies.NOT_FOUND)));
            try {
                server.start();
            } catch (RuntimeException e) {
                throw new IllegalStateException(
                        "Could not start the fake PromptLayer on " + LOOPBACK + ":" + port, e);
            }
            return new FakePromptLayer(server, ledger, apiKey);
        }
    }
}
