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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * A fake PromptLayer on a real HTTP port of {@code 127.0.0.1}, for tests of code that logs LLM
 * calls and tracks them: {@code POST /log-request}, {@code /rest/track-metadata}, {@code
 * /rest/track-score} and {@code /rest/track-prompt} (see {@link Endpoint}).
 *
 * <p>Every endpoint answers like PromptLayer: 400 for a body that is not a JSON object, 401 for a
 * wrong or missing key (the {@code X-API-KEY} header when sent, else the body's {@code api_key}),
 * 422 with a FastAPI {@code detail} list naming every schema violation. A valid log is answered
 * 201 {@code {"id":1,"prompt_version":null,"status":"SUCCESS","error_type":null,
 * "error_message":null}}, the ids counting up from 1 (or {@link Builder#firstRequestId}); a valid
 * track 200 {@code {"success":true,"message":...}}. Every request is recorded, and {@link #failNext}
 * and {@link #respondSlowly} make any endpoint misbehave on purpose.
 *
 * <p>What PromptLayer would then hold, per request id: the log, its metadata merged with the
 * metadata tracked later (a later value replacing an earlier one for the same key), named scores
 * (a later score of a name replacing the earlier) and the latest prompt link. Tracks are accepted
 * for any positive id, also one this fake never logged: it cannot know ids that a real PromptLayer
 * or another fake gave out. To check that a client tracks the id it was given, compare with {@link
 * #loggedRequestIds()} or assert {@code loggedRequest(id)}.
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
 * compact recording per request ({@link RecordedTrack}, {@link RecordedLog}, {@link RecordedScore},
 * {@link RecordedPromptLink}).
 */
public final class FakePromptLayer implements AutoCloseable {

    /** The key a fake accepts unless told otherwise. Not a real key. */
    public static final String DEFAULT_API_KEY = "pl_fake_0123456789abcdef";

    /** The track-metadata path; {@link Endpoint#path()} has every path the fake serves. */
    public static final String TRACK_PATH = "/rest/track-metadata";

    private static final String LOOPBACK = "127.0.0.1";
    private static final int DEFAULT_CONTAINER_THREADS = 50;

    /** A minimal valid log, for the curl line printed by {@link #main}. */
    private static final String SAMPLE_LOG =
            "{\"provider\": \"openai\", \"model\": \"gpt-4o\","
                    + " \"input\": {\"type\": \"chat\", \"messages\": [{\"role\": \"user\","
                    + " \"content\": [{\"type\": \"text\", \"text\": \"Hello\"}]}]},"
                    + " \"output\": {\"type\": \"chat\", \"messages\": []},"
                    + " \"request_start_time\": \"2024-01-15T10:30:00Z\","
                    + " \"request_end_time\": \"2024-01-15T10:30:05Z\"}";

    private final WireMockServer server;
    private final Ledger ledger;
    private final String apiKey;
    private final int port;

    private FakePromptLayer(WireMockServer server, Ledger ledger, String apiKey) {
        this.server = server;
        this.ledger = ledger;
        this.apiKey = apiKey;
        this.port = server.port();
    }

    /** Starts a fake on a free port of 127.0.0.1 that accepts {@link #DEFAULT_API_KEY}. */
    public static FakePromptLayer start() {
        return builder().start();
    }

    /** For a fixed port, another key, another first request id or more server threads. */
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

    /** Every request to every endpoint in arrival order, rejected and faulted ones included. */
    public List<RecordedCall> calls() {
        return ledger.calls();
    }

    /**
     * Every request to {@link #TRACK_PATH} in arrival order, rejected and faulted ones included.
     */
    public List<RecordedTrack> received() {
        return ledger.received(Endpoint.TRACK_METADATA, RecordedTrack.class);
    }

    /** The track-metadata requests answered 200 {@code {"success":true}}, in arrival order. */
    public List<RecordedTrack> accepted() {
        return ledger.accepted(Endpoint.TRACK_METADATA, RecordedTrack.class);
    }

    /**
     * What PromptLayer would now hold as metadata of this request id: the metadata of its log, if
     * this fake logged it, and of the accepted tracks, merged in arrival order, a later value
     * replacing an earlier one for the same key. Empty if none.
     */
    public Map<String, String> metadataFor(long requestId) {
        return ledger.metadataFor(requestId);
    }

    /** The ids with at least one accepted track-metadata, in order of first acceptance. */
    public Set<Long> trackedRequestIds() {
        return ledger.trackedRequestIds();
    }

    /** How many track-metadata requests were accepted; see {@link #acceptedCount(Endpoint)}. */
    public int acceptedCount() {
        return ledger.acceptedCount(Endpoint.TRACK_METADATA);
    }

    /** How many requests to {@code endpoint} were accepted (stored). */
    public int acceptedCount(Endpoint endpoint) {
        return ledger.acceptedCount(Objects.requireNonNull(endpoint, "endpoint"));
    }

    /** Every request to {@code /log-request} in arrival order, rejected and faulted ones included. */
    public List<RecordedLog> receivedLogs() {
        return ledger.received(Endpoint.LOG_REQUEST, RecordedLog.class);
    }

    /** The logs answered 201 with an id, in arrival order, which is the order of their ids. */
    public List<RecordedLog> logged() {
        return ledger.accepted(Endpoint.LOG_REQUEST, RecordedLog.class);
    }

    /** The ids this fake gave to logs, in order. */
    public Set<Long> loggedRequestIds() {
        return ledger.loggedRequestIds();
    }

    /**
     * What PromptLayer would show for the request this fake logged with {@code requestId}: the log
     * with its metadata merged with the later tracks, its scores and prompt link. Empty when this
     * fake gave no log that id (tracks for it alone do not make a log).
     */
    public Optional<RequestLog> loggedRequest(long requestId) {
        return ledger.loggedRequest(requestId);
    }

    /** Every request to {@code /rest/track-score} in arrival order. */
    public List<RecordedScore> receivedScores() {
        return ledger.received(Endpoint.TRACK_SCORE, RecordedScore.class);
    }

    /**
     * The scores PromptLayer would hold for this request id, by name, in order of first appearance:
     * a later score of a name replaces the earlier. A track-score without a name, and a log that
     * sent {@code score}, set the score named {@code default}. Empty if none.
     */
    public Map<String, Integer> scoresFor(long requestId) {
        return ledger.scoresFor(requestId);
    }

    /** Every request to {@code /rest/track-prompt} in arrival order. */
    public List<RecordedPromptLink> receivedPromptLinks() {
        return ledger.received(Endpoint.TRACK_PROMPT, RecordedPromptLink.class);
    }

    /** The latest accepted prompt link of this request id: a later link replaces the earlier. */
    public Optional<RecordedPromptLink> promptLinkFor(long requestId) {
        return ledger.promptLinkFor(requestId);
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
        return await(Endpoint.TRACK_METADATA, count, timeout, RecordedTrack.class);
    }

    /** Like {@link #awaitAccepted} but counts every track request, whatever its answer. */
    public List<RecordedTrack> awaitReceived(int count, Duration timeout) {
        return ledger.awaitReceived(
                Endpoint.TRACK_METADATA,
                count,
                Objects.requireNonNull(timeout, "timeout"),
                RecordedTrack.class);
    }

    /** Like {@link #awaitAccepted}, for logs answered 201: returns {@link #logged()}. */
    public List<RecordedLog> awaitLogged(int count, Duration timeout) {
        return await(Endpoint.LOG_REQUEST, count, timeout, RecordedLog.class);
    }

    /** Like {@link #awaitAccepted}, for accepted track-score requests. */
    public List<RecordedScore> awaitScores(int count, Duration timeout) {
        return await(Endpoint.TRACK_SCORE, count, timeout, RecordedScore.class);
    }

    /** Like {@link #awaitAccepted}, for accepted track-prompt requests. */
    public List<RecordedPromptLink> awaitPromptLinks(int count, Duration timeout) {
        return await(Endpoint.TRACK_PROMPT, count, timeout, RecordedPromptLink.class);
    }

    /**
     * The next {@code times} requests, to whichever endpoint, get {@code fault} instead of their
     * normal answer. Calls queue up: {@code failNext(2, a); failNext(1, b)} gives a, a, b, then
     * normal answers.
     */
    public void failNext(int times, Fault fault) {
        queueFault(null, times, fault);
    }

    /**
     * The next {@code times} requests to {@code endpoint} get {@code fault}; requests to the other
     * endpoints pass it by. It queues up with the faults for every endpoint: a request takes the
     * first queued fault that is for it.
     */
    public void failNext(Endpoint endpoint, int times, Fault fault) {
        queueFault(Objects.requireNonNull(endpoint, "endpoint"), times, fault);
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

    /**
     * Forgets recordings, what was stored, queued faults and the delay: sequence numbers start again
     * at 1, and log ids at the first ({@link Builder#firstRequestId}, 1 by default), so ids from
     * before a reset are given out again.
     */
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
                + ledger.calls().size()
                + ", accepted="
                + ledger.calls().stream().filter(RecordedCall::accepted).count()
                + ", queuedFaults="
                + ledger.queuedFaults()
                + "]";
    }

    private void queueFault(Endpoint endpoint, int times, Fault fault) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative, got " + times);
        }
        ledger.failNext(endpoint, times, Objects.requireNonNull(fault, "fault"));
    }

    private <T extends RecordedCall> List<T> await(
            Endpoint endpoint, int count, Duration timeout, Class<T> type) {
        return ledger.awaitAccepted(
                endpoint, count, Objects.requireNonNull(timeout, "timeout"), type);
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
     * Starts a fake that prints how to reach it and one line per accepted request. The printed key
     * is {@link #DEFAULT_API_KEY}, which is public.
     */
    static FakePromptLayer startPrinting(int port, PrintStream out) {
        FakePromptLayer fake = builder().port(port).start();
        fake.ledger.onAccepted(call -> out.println(CallReport.summary(call)));
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
        out.println(
                "Log a call: curl -i -X POST "
                        + fake.baseUrl()
                        + Endpoint.LOG_REQUEST.path()
                        + " -H 'Content-Type: application/json' -H 'X-API-KEY: "
                        + fake.apiKey()
                        + "' -d '"
                        + SAMPLE_LOG
                        + "'");
        out.flush();
        return fake;
    }

    /** Options for a fake; {@link #start()} starts one. */
    public static final class Builder {

        private int port;
        private String apiKey = DEFAULT_API_KEY;
        private long firstRequestId = 1;
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
         * The id of the first request log, 1 by default; the next get the ids after it. A test can
         * start at a large id to catch a client that keeps ids in an {@code int}, or to keep ids of
         * two fakes apart.
         */
        public Builder firstRequestId(long firstRequestId) {
            if (firstRequestId < 1) {
                throw new IllegalArgumentException(
                        "firstRequestId must be positive, as PromptLayer's ids are, got "
                                + firstRequestId);
            }
            this.firstRequestId = firstRequestId;
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
            Ledger ledger = new Ledger(firstRequestId);
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
                            .extensions(new PromptLayerTransformer(ledger, apiKey));
            if (port == 0) {
                options.dynamicPort();
            } else {
                options.port(port);
            }
            WireMockServer server = new WireMockServer(options);
            for (Endpoint endpoint : Endpoint.values()) {
                server.stubFor(
                        post(urlPathEqualTo(endpoint.path()))
                                .atPriority(1)
                                .willReturn(
                                        aResponse()
                                                .withTransformers(PromptLayerTransformer.NAME)
                                                .withTransformerParameter(
                                                        PromptLayerTransformer.ENDPOINT,
                                                        endpoint.name())));
            }
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
