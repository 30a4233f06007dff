package dev.pltrack.client;

import feign.AsyncClient;
import feign.Client;
import feign.FeignException;
import feign.RequestInterceptor;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PromptLayer's request family, synchronously, in the caller's thread: attaches metadata to a request
 * log ({@link #track}), logs an LLM call ({@link #logRequest}), scores a request ({@link #trackScore})
 * and links it to a prompt template ({@link #trackPrompt}).
 *
 * <pre>{@code
 * PromptLayerClient client = PromptLayerClient.create(PromptLayerConfig.fromEnvironment().build());
 * client.track(requestId, Map.of("user_id", "u-42", "feature", "chat"));
 * }</pre>
 *
 * Every call validates before sending ({@link InvalidTrackRequestException}), always ends within the
 * configured connect and read timeouts (the answer's body included), retries 429, 5xx and network failures as the
 * {@link RetryPolicy} says, and otherwise throws the {@link PromptLayerException} subclass that
 * names what went wrong. Thread-safe; share one instance.
 */
public final class PromptLayerClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PromptLayerClient.class);

    private final PromptLayerConfig config;
    private final SecretRedactor redactor;
    private final Supplier<Built> apiFactory;
    private volatile Built built;

    /** The Feign proxy and the transport under it, built together on first use. */
    private record Built(PromptLayerApi api, AsyncClient<Object> transport) {
    }

    private PromptLayerClient(PromptLayerConfig config, SecretRedactor redactor, Supplier<Built> apiFactory) {
        this.config = config;
        this.redactor = redactor;
        this.apiFactory = apiFactory;
    }

    /** A client on the default transport ({@link HttpTransport#APACHE_ASYNC}). */
    public static PromptLayerClient create(PromptLayerConfig config) {
        return builder(config).build();
    }

    /** A client configured from {@code PROMPTLAYER_API_KEY} and {@code PROMPTLAYER_BASE_URL}. */
    public static PromptLayerClient fromEnvironment() {
        return create(PromptLayerConfig.fromEnvironment().build());
    }

    public static Builder builder(PromptLayerConfig config) {
        return new Builder(config);
    }

    public PromptLayerConfig config() {
        return config;
    }

    /**
     * Validates, sends and retries until PromptLayer stores the metadata or the retry policy gives up.
     * Each attempt ends within {@code connect-timeout + read-timeout}, the answer's body included.
     *
     * @throws InvalidTrackRequestException before sending, when a rule is broken
     * @throws PromptLayerException         the last failure when it is not retryable or retries ran out
     */
    public TrackResult track(long requestId, Map<String, String> metadata) {
        return track(TrackRequest.of(requestId, metadata));
    }

    /** As {@link #track(long, Map)}, for a request validated earlier. */
    public TrackResult track(TrackRequest request) {
        Objects.requireNonNull(request, "request");
        return withRetries("Track for PromptLayer request " + request.requestId(), attempt -> attempt(request, attempt));
    }

    /**
     * Logs an LLM call ({@code POST /log-request}) and answers with the new request id, retrying as
     * {@link #track} does. Note that a retry after a lost answer can log the call twice: PromptLayer
     * has no idempotency key for logs.
     *
     * @throws PromptLayerException the last failure when it is not retryable or retries ran out
     */
    public LoggedRequest logRequest(LogRequest request) {
        Objects.requireNonNull(request, "request");
        return withRetries("Log of a call to " + request.provider() + "/" + request.model(), attempt -> logRequestOnceAsync(request, attempt));
    }

    /** One attempt at {@link #logRequest}, without waiting (the delivery engine's way). */
    public CompletableFuture<LoggedRequest> logRequestOnceAsync(LogRequest request, int attempt) {
        Objects.requireNonNull(request, "request");
        return call(api -> api.logRequest(new KeyedBody<>(config.apiKey(), request)),
                answer -> judgeLog(request, answer, attempt));
    }

    /**
     * Scores a logged request ({@code POST /rest/track-score}), 0 to 100, under {@code name}
     * ({@code null} for {@value ScoreRequest#DEFAULT_NAME}).
     *
     * @throws InvalidTrackRequestException before sending, when a rule is broken
     */
    public TrackResult trackScore(long requestId, int score, String name) {
        return trackScore(ScoreRequest.of(requestId, score, name));
    }

    public TrackResult trackScore(ScoreRequest request) {
        Objects.requireNonNull(request, "request");
        return withRetries("Score for PromptLayer request " + request.requestId(),
                attempt -> trackScoreOnceAsync(request, attempt));
    }

    /** One attempt at {@link #trackScore(ScoreRequest)}, without waiting. */
    public CompletableFuture<TrackResult> trackScoreOnceAsync(ScoreRequest request, int attempt) {
        Objects.requireNonNull(request, "request");
        return call(api -> api.trackScore(new KeyedBody<>(config.apiKey(), request)),
                answer -> judge("score", request.requestId(), answer, attempt));
    }

    /** Links a logged request to a prompt template's version ({@code POST /rest/track-prompt}). */
    public TrackResult trackPrompt(PromptLinkRequest request) {
        Objects.requireNonNull(request, "request");
        return withRetries("Prompt link for PromptLayer request " + request.requestId(),
                attempt -> trackPromptOnceAsync(request, attempt));
    }

    /** One attempt at {@link #trackPrompt}, without waiting. */
    public CompletableFuture<TrackResult> trackPromptOnceAsync(PromptLinkRequest request, int attempt) {
        Objects.requireNonNull(request, "request");
        return call(api -> api.trackPrompt(new KeyedBody<>(config.apiKey(), request)),
                answer -> judge("prompt link", request.requestId(), answer, attempt));
    }

    /** Runs attempts, waiting in this thread between them, until one succeeds or the policy gives up. */
    private <R> R withRetries(String what, IntFunction<CompletableFuture<R>> attempt) {
        RetryPolicy retryPolicy = config.retryPolicy();
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                return await(attempt.apply(attempts));
            } catch (PromptLayerException failure) {
                Optional<Duration> delay = retryPolicy.delayBeforeNextAttempt(failure, attempts);
                if (delay.isEmpty()) {
                    throw failure;
                }
                LOG.debug("{} failed ({}), attempt {} of {}; retrying in {} ms", what, failure.reason(), attempts,
                        retryPolicy.maxAttempts(), delay.get().toMillis());
                pause(delay.get(), failure);
            }
        }
    }

    /**
     * One attempt, no retry, in the caller's thread: for callers that schedule retries themselves.
     */
    public TrackResult trackOnce(TrackRequest request) {
        return await(attempt(Objects.requireNonNull(request, "request"), 1));
    }

    /**
     * One attempt, no retry, without waiting: the delivery engine's way. The future completes with
     * the result, or exceptionally with the {@link PromptLayerException} that ended the attempt
     * (never another exception type), within {@code connect-timeout + read-timeout}.
     *
     * @param attempt which attempt this is (1 for the first), reported in {@link TrackResult#attempts()}
     */
    public CompletableFuture<TrackResult> trackOnceAsync(TrackRequest request, int attempt) {
        return attempt(Objects.requireNonNull(request, "request"), attempt);
    }

    /**
     * Builds the transport and the Feign proxy now rather than on the first call (the delivery
     * engine does this on its own thread when its first track is ready to send, so that an
     * application's start-up does not pay for it).
     */
    public void prepare() {
        api();
    }

    /** Whether the transport and the Feign proxy are built yet (by {@link #prepare()} or a first call). */
    public boolean isPrepared() {
        return built != null;
    }

    private PromptLayerApi api() {
        Built current = built;
        if (current == null) {
            synchronized (this) {
                current = built;
                if (current == null) {
                    current = apiFactory.get();
                    built = current;
                }
            }
        }
        return current.api();
    }

    /**
     * Closes the transport: its I/O threads end and its connections close; attempts in flight fail as
     * network failures. The client stays usable: a later call builds a new transport, as the first
     * call did (so that a {@link dev.pltrack.delivery.DeliveryEngine}, which closes its client's
     * transport as it closes, leaves a shared client working). A blocking {@link Client} given to
     * {@link Builder#transport(Client)} is the application's: only pltrack's threads for it end.
     * Idempotent.
     */
    @Override
    public void close() {
        Built closing;
        synchronized (this) {
            closing = built;
            built = null;
        }
        if (closing != null) {
            closeTransport(closing.transport());
        }
    }

    private static void closeTransport(AsyncClient<Object> transport) {
        if (transport instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Could not close the PromptLayer HTTP transport cleanly", e);
            }
        }
    }

    private CompletableFuture<TrackResult> attempt(TrackRequest request, int attempt) {
        return call(api -> api.trackMetadata(new TrackMetadataBody(config.apiKey(), request)),
                answer -> judge("metadata", request.requestId(), answer, attempt));
    }

    /** A judge of a 2xx answer: the result, or the {@link PromptLayerException} saying why it is none. */
    @FunctionalInterface
    private interface Judge<A, R> {
        R judge(A answer);
    }

    /**
     * One call on the Feign proxy: its future completes with the judged answer, or exceptionally with
     * the {@link PromptLayerException} that ended it, never another type.
     */
    private <A, R> CompletableFuture<R> call(Function<PromptLayerApi, CompletableFuture<A>> send, Judge<A, R> judge) {
        CompletableFuture<A> answer;
        try {
            answer = send.apply(api());
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure(failure));
        }
        CompletableFuture<R> result = new CompletableFuture<>();
        answer.whenComplete((received, failure) -> {
            try {
                if (failure != null) {
                    result.completeExceptionally(failure(failure));
                } else {
                    result.complete(judge.judge(received));
                }
            } catch (PromptLayerException refused) {
                result.completeExceptionally(refused);
            } catch (RuntimeException unexpected) {
                result.completeExceptionally(failure(unexpected));
            }
        });
        return result;
    }

    private <R> R await(CompletableFuture<R> attempt) {
        try {
            return attempt.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt.cancel(true);
            throw new PromptLayerTransportException(false, "Interrupted while waiting for PromptLayer at "
                    + config.baseUrl(), null);
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    /** Any failure of an attempt as the {@link PromptLayerException} that names it, without the key. */
    private PromptLayerException failure(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof PromptLayerException known) {
            return known;
        }
        if (cause instanceof FeignException feign) {
            return transportFailure(feign);
        }
        // Nothing expected ends here; whatever it is, its message may quote the request (and the key).
        return new PromptLayerTransportException(false, redactor.redact("Unexpected failure talking to PromptLayer at "
                + config.baseUrl() + ": " + cause), null);
    }

    /** A track endpoint's answer: {@code success: true}, or the exception saying what it was instead. */
    private TrackResult judge(String what, long requestId, TrackMetadataAnswer answer, int attempt) {
        String body = redactor.redact(answer.body());
        if (!answer.json() || answer.success() == null) {
            throw notItsAnswer(answer.status(), body);
        }
        if (!answer.success()) {
            throw new PromptLayerNotAcceptedException(answer.status(),
                    "PromptLayer answered " + answer.status() + " but did not accept the " + what + " for request "
                            + requestId + ": " + Objects.requireNonNullElse(
                                    redactor.redact(answer.message()), "no message given"),
                    body, null);
        }
        return new TrackResult(requestId, Objects.requireNonNullElse(answer.message(), ""), attempt);
    }

    /** A log-request answer: a positive integer {@code id}, or the exception saying what it was instead. */
    private LoggedRequest judgeLog(LogRequest request, LogAnswer answer, int attempt) {
        String body = redactor.redact(answer.body());
        if (!answer.json() || answer.id() == null || answer.id() <= 0) {
            throw notItsAnswer(answer.status(), body);
        }
        LogStatus status = request.status();
        for (LogStatus known : LogStatus.values()) {
            if (known.name().equals(answer.loggedAs())) {
                status = known;
            }
        }
        return new LoggedRequest(answer.id(), status, attempt);
    }

    private static PromptLayerInvalidResponseException notItsAnswer(int status, String body) {
        return new PromptLayerInvalidResponseException(status,
                "PromptLayer answered " + status + " with a body that is not its JSON answer"
                        + " (is promptlayer.base-url pointing at PromptLayer?): " + ResponseBodies.abbreviate(body),
                body, null);
    }

    private PromptLayerTransportException transportFailure(FeignException failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        boolean timeout = cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException;
        String detail = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        String message = (timeout ? "Timed out talking to PromptLayer at " : "Could not reach PromptLayer at ")
                + config.baseUrl() + " (connect timeout " + config.connectTimeout().toMillis()
                + " ms, read timeout " + config.readTimeout().toMillis() + " ms): " + detail;
        // The cause kept is the I/O exception, not Feign's wrapper, which holds the request and its key.
        Throwable kept = cause instanceof IOException io ? withoutTheKey(io) : null;
        return new PromptLayerTransportException(timeout, redactor.redact(message), kept);
    }

    /**
     * The I/O exception as kept, or a redacted stand-in of its type when its message (or a cause's)
     * quotes the key: the JDK client puts a garbled status line, which a server may fill with an echo
     * of the request, into the message.
     */
    private IOException withoutTheKey(IOException failure) {
        boolean quotesTheKey = false;
        for (Throwable link = failure; link != null && !quotesTheKey; link = link.getCause()) {
            String text = link.getMessage();
            quotesTheKey = text != null && !text.equals(redactor.redact(text));
        }
        if (!quotesTheKey) {
            return failure;
        }
        IOException standIn = new IOException(failure.getClass().getName() + ": "
                + redactor.redact(String.valueOf(failure.getMessage())));
        standIn.setStackTrace(failure.getStackTrace());
        return standIn;
    }

    private static void pause(Duration delay, PromptLayerException failure) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "PromptLayerClient{baseUrl=" + config.baseUrl() + ", apiKey=" + config.apiKey() + "}";
    }

    /** Options beyond the configuration: another Feign transport, a clock for {@code Retry-After} dates. */
    public static final class Builder {
        private final PromptLayerConfig config;
        private Client transport;
        private HttpTransport httpTransport = HttpTransport.APACHE_ASYNC;
        private Clock clock = Clock.systemUTC();
        private String userAgent = PltrackVersion.userAgent();
        private SSLContext sslContext;
        private final List<RequestInterceptor> interceptors = new ArrayList<>();
        private Consumer<String> httpLog;

        private Builder(PromptLayerConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * Replaces pltrack's asynchronous transports with any blocking Feign {@link Client} (OkHttp,
         * Apache HC5's classic client, one with a proxy); {@link #httpTransport} is then ignored. Its own timeouts are overridden by the configured ones where it
         * honours Feign's request options. Such a client holds a thread per request in flight (daemon
         * threads of pltrack's), and the whole-exchange deadline is then the client's own business.
         */
        public Builder transport(Client transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * Which of pltrack's asynchronous transports sends: {@link HttpTransport#APACHE_ASYNC} (the
         * default: Apache HttpClient 5, least CPU per request) or {@link HttpTransport#JDK} (the JDK's
         * {@code java.net.http}). Both keep the same guarantees (whole-exchange deadline, bounded body,
         * JVM proxy settings, no redirects, HTTP/2 over TLS); see the README, "Transport".
         */
        public Builder httpTransport(HttpTransport httpTransport) {
            this.httpTransport = Objects.requireNonNull(httpTransport, "httpTransport");
            return this;
        }

        /**
         * The TLS set-up of pltrack's transports, e.g. one that trusts a corporate proxy's or a test
         * server's certificate; the JVM's default otherwise.
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Adds a Feign request interceptor, applied after pltrack's own headers (so it may add others,
         * such as a proxy's, but the key and User-Agent are pltrack's).
         */
        public Builder requestInterceptor(RequestInterceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /**
         * Where the wire log ({@code promptlayer.http-logging}) goes, line by line, instead of DEBUG on
         * {@code dev.pltrack.client.http}. Lines arrive with the API key already masked; pltrack keeps
         * Feign's own logger so that nothing unredacted can reach a logger it does not control.
         */
        public Builder httpLog(Consumer<String> lines) {
            this.httpLog = Objects.requireNonNull(lines, "lines");
            return this;
        }

        /** Applies each customizer, in order (the frameworks pass the application's customizer beans). */
        public Builder customizers(Iterable<? extends PromptLayerClientCustomizer> customizers) {
            for (PromptLayerClientCustomizer customizer : customizers) {
                customizer.customize(this);
            }
            return this;
        }

        /** Adds a product token before pltrack's own, e.g. {@code my-app/1.2}. */
        public Builder userAgentPrefix(String product) {
            this.userAgent = product.strip() + " " + PltrackVersion.userAgent();
            return this;
        }

        /**
         * The client; its transport and Feign proxy are built on first use (or {@link #prepare()}),
         * not here, so that creating a client costs an application's start-up next to nothing.
         */
        public PromptLayerClient build() {
            Client blocking = transport;
            HttpTransport kind = httpTransport;
            SSLContext tls = sslContext;
            FeignApiFactory.Parts parts = new FeignApiFactory.Parts(clock, userAgent, List.copyOf(interceptors), httpLog);
            // One redactor for the wire log, the error decoder and the client's own messages.
            SecretRedactor redactor = new SecretRedactor(config.apiKey());
            return new PromptLayerClient(config, redactor, () -> {
                AsyncClient<Object> sender = blocking != null
                        ? FeignApiFactory.blocking(blocking) : FeignApiFactory.transport(kind, config, tls);
                try {
                    return new Built(FeignApiFactory.create(config, sender, redactor, parts), sender);
                } catch (RuntimeException | Error failure) {
                    closeTransport(sender);
                    throw failure;
                }
            });
        }
    }
}
