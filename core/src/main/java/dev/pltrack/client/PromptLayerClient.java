package dev.pltrack.client;

import feign.Client;
import feign.FeignException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attaches metadata to a PromptLayer request log, synchronously, in the caller's thread.
 *
 * <pre>{@code
 * PromptLayerClient client = PromptLayerClient.create(PromptLayerConfig.fromEnvironment().build());
 * client.track(requestId, Map.of("user_id", "u-42", "feature", "chat"));
 * }</pre>
 *
 * Every call validates before sending ({@link InvalidTrackRequestException}), always runs under the
 * configured connect and read timeouts, retries 429, 5xx and network failures as the
 * {@link RetryPolicy} says, and otherwise throws the {@link PromptLayerException} subclass that
 * names what went wrong. Thread-safe; share one instance.
 */
public final class PromptLayerClient {

    private static final Logger LOG = LoggerFactory.getLogger(PromptLayerClient.class);

    private final PromptLayerConfig config;
    private final TrackMetadataApi api;
    private final SecretRedactor redactor;

    private PromptLayerClient(PromptLayerConfig config, TrackMetadataApi api, SecretRedactor redactor) {
        this.config = config;
        this.api = api;
        this.redactor = redactor;
    }

    /** A client on the default transport (the JDK's HTTP client). */
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
     *
     * @throws InvalidTrackRequestException before sending, when a rule is broken
     * @throws PromptLayerException         the last failure when it is not retryable or retries ran out
     */
    public TrackResult track(long requestId, Map<String, String> metadata) {
        return track(TrackRequest.of(requestId, metadata));
    }

    /** As {@link #track(long, Map)}, for a request validated earlier. */
    public TrackResult track(TrackRequest request) {
        RetryPolicy retryPolicy = config.retryPolicy();
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                return send(request, attempts);
            } catch (PromptLayerException failure) {
                Optional<Duration> delay = retryPolicy.delayBeforeNextAttempt(failure, attempts);
                if (delay.isEmpty()) {
                    throw failure;
                }
                LOG.debug("Track for PromptLayer request {} failed ({}), attempt {} of {}; retrying in {} ms",
                        request.requestId(), failure.reason(), attempts, retryPolicy.maxAttempts(),
                        delay.get().toMillis());
                pause(delay.get(), failure);
            }
        }
    }

    /**
     * One attempt, no retry: for callers that schedule retries themselves, such as the delivery
     * engine, which asks the {@link RetryPolicy} what to do next.
     */
    public TrackResult trackOnce(TrackRequest request) {
        return send(request, 1);
    }

    private TrackResult send(TrackRequest request, int attempt) {
        TrackMetadataAnswer answer;
        try {
            answer = api.trackMetadata(new TrackMetadataBody(config.apiKey(), request));
        } catch (PromptLayerException failure) {
            throw failure;
        } catch (FeignException failure) {
            throw transportFailure(failure);
        }
        return judge(request, answer, attempt);
    }

    private TrackResult judge(TrackRequest request, TrackMetadataAnswer answer, int attempt) {
        String body = redactor.redact(answer.body());
        if (!answer.json() || answer.success() == null) {
            throw new PromptLayerInvalidResponseException(answer.status(),
                    "PromptLayer answered " + answer.status() + " with a body that is not its JSON answer"
                            + " (is promptlayer.base-url pointing at PromptLayer?): " + ResponseBodies.abbreviate(body),
                    body, null);
        }
        if (!answer.success()) {
            throw new PromptLayerNotAcceptedException(answer.status(),
                    "PromptLayer answered " + answer.status() + " but did not accept the metadata for request "
                            + request.requestId() + ": " + Objects.requireNonNullElse(
                                    redactor.redact(answer.message()), "no message given"),
                    body, null);
        }
        return new TrackResult(request.requestId(), Objects.requireNonNullElse(answer.message(), ""), attempt);
    }

    private PromptLayerTransportException transportFailure(FeignException failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        boolean timeout = cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException;
        String detail = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        String message = (timeout ? "Timed out talking to PromptLayer at " : "Could not reach PromptLayer at ")
                + config.baseUrl() + " (connect timeout " + config.connectTimeout().toMillis()
                + " ms, read timeout " + config.readTimeout().toMillis() + " ms): " + detail;
        // The cause kept is the I/O exception, not Feign's wrapper, which holds the request and its key.
        Throwable kept = cause instanceof IOException ? cause : null;
        return new PromptLayerTransportException(timeout, redactor.redact(message), kept);
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
        private Clock clock = Clock.systemUTC();
        private String userAgent = PltrackVersion.userAgent();

        private Builder(PromptLayerConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * Replaces the default JDK transport with any Feign {@link Client} (OkHttp, Apache HC5, one
         * with a proxy). Its own timeouts are overridden by the configured ones where it honours
         * Feign's request options.
         */
        public Builder transport(Client transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Adds a product token before pltrack's own, e.g. {@code my-app/1.2}. */
        public Builder userAgentPrefix(String product) {
            this.userAgent = product.strip() + " " + PltrackVersion.userAgent();
            return this;
        }

        public PromptLayerClient build() {
            Client chosen = transport != null ? transport : FeignApiFactory.jdkTransport(config);
            // One redactor for the wire log, the error decoder and the client's own messages.
            SecretRedactor redactor = new SecretRedactor(config.apiKey());
            return new PromptLayerClient(config,
                    FeignApiFactory.create(config, chosen, redactor, clock, userAgent), redactor);
        }
    }
}
