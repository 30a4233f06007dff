package dev.pltrack.spring;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pltrack.client.HttpLogging;
import dev.pltrack.delivery.OverflowPolicy;
import dev.pltrack.settings.CoreConfigs;
import dev.pltrack.settings.PltrackDefaults;
import dev.pltrack.settings.PltrackSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code promptlayer.*} properties, bound by constructor. This record is the core's
 * {@link PltrackSettings} view, from which {@link CoreConfigs} alone builds the core's configurations;
 * its components only declare each setting once more for Boot (the descriptions and the
 * {@link PltrackDefaults shared defaults} go into the IDE metadata). {@link #toString()} masks the API key.
 *
 * @param enabled           Whether tracking is on. Off: no client, no delivery engine, @TrackMetadata
 *                          does nothing and no API key is needed.
 * @param strict            Whether a call that cannot be tracked (no request id, invalid metadata, full
 *                          queue) throws TrackingException to the caller instead of being counted and
 *                          logged. For tests and development.
 * @param apiKey            The PromptLayer API key; the environment variable PROMPTLAYER_API_KEY sets it
 *                          too. Required when tracking is enabled.
 * @param baseUrl           The PromptLayer API's base URL; the environment variable PROMPTLAYER_BASE_URL
 *                          sets it too. Empty means the default.
 * @param connectTimeout    How long to wait for a connection to PromptLayer.
 * @param readTimeout       How long to wait for PromptLayer's answer.
 * @param allowInsecureHttp Allows plain http:// to hosts that are not loopback (the API key would travel
 *                          unencrypted).
 * @param httpLogging       How much of each HTTP exchange is logged at DEBUG on the logger
 *                          dev.pltrack.client.http; the API key is always redacted.
 * @param metadata          Metadata added to every track (e.g. promptlayer.metadata.environment=prod),
 *                          below every other source.
 * @param retry             Which failed sends are tried again, and when.
 * @param delivery          The background queue that sends tracks.
 * @param logging           What the LLM integrations (Spring AI, LangChain4j) log.
 */
@ConfigurationProperties(prefix = PromptLayerProperties.PREFIX)
public record PromptLayerProperties(
        @DefaultValue(PltrackDefaults.ENABLED) boolean enabled,
        @DefaultValue(PltrackDefaults.STRICT) boolean strict,
        @JsonSerialize(using = OptionalValueSerializer.class) Optional<String> apiKey,
        @JsonSerialize(using = OptionalValueSerializer.class) @DefaultValue(PltrackDefaults.BASE_URL) Optional<String> baseUrl,
        @DefaultValue(PltrackDefaults.CONNECT_TIMEOUT) Duration connectTimeout,
        @DefaultValue(PltrackDefaults.READ_TIMEOUT) Duration readTimeout,
        @DefaultValue(PltrackDefaults.ALLOW_INSECURE_HTTP) boolean allowInsecureHttp,
        @DefaultValue(PltrackDefaults.HTTP_LOGGING) HttpLogging httpLogging,
        @DefaultValue Map<String, String> metadata,
        @DefaultValue Retry retry,
        @DefaultValue Delivery delivery,
        @DefaultValue Logging logging) implements PltrackSettings {

    public static final String PREFIX = "promptlayer";

    public PromptLayerProperties {
        // Boot leaves an unset Optional null; the view promises an empty one.
        apiKey = apiKey == null ? Optional.empty() : apiKey;
        baseUrl = baseUrl == null ? Optional.empty() : baseUrl;
    }

    @Override
    public String toString() {
        return "PromptLayerProperties{enabled=" + enabled + ", apiKey=" + (apiKey.isEmpty() ? "<unset>" : "****")
                + ", baseUrl=" + baseUrl.orElse("<default>") + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", allowInsecureHttp=" + allowInsecureHttp + ", httpLogging="
                + httpLogging + ", strict=" + strict + ", metadata keys=" + metadata.keySet() + ", " + retry + ", "
                + delivery + ", " + logging + "}";
    }

    /**
     * {@code promptlayer.retry.*}: which failed sends are tried again, and when.
     *
     * @param maxAttempts    Attempts per track including the first (429, 5xx and I/O failures only); 1
     *                       means never retry.
     * @param initialBackoff Pause before the second attempt; it doubles up to max-backoff, with jitter.
     * @param maxBackoff     Longest pause between two attempts; a longer Retry-After from PromptLayer ends
     *                       the retries.
     */
    public record Retry(
            @DefaultValue(PltrackDefaults.RETRY_MAX_ATTEMPTS) int maxAttempts,
            @DefaultValue(PltrackDefaults.RETRY_INITIAL_BACKOFF) Duration initialBackoff,
            @DefaultValue(PltrackDefaults.RETRY_MAX_BACKOFF) Duration maxBackoff) implements PltrackSettings.Retry {
    }

    /**
     * {@code promptlayer.delivery.*}: the background queue that sends tracks.
     *
     * @param queueCapacity   Most tracks waiting, being sent or waiting for a retry at once; what
     *                        overflows is counted.
     * @param workers         Retired: delivery holds no thread per call any more; setting it fails
     *                        start-up, naming max-in-flight, which replaced it.
     * @param maxInFlight     Most requests in flight at once (1 to 1024); the adaptive window stays below it.
     * @param minInFlight     The floor the adaptive window never shrinks below.
     * @param overflowPolicy  What a full queue does with a new track: DROP_NEWEST (counted and reported)
     *                        or BLOCK (the caller waits up to block-timeout).
     * @param blockTimeout    With overflow-policy BLOCK: how long a caller may wait for room.
     * @param shutdownTimeout How long closing the application keeps delivering pending tracks.
     * @param linger          The longest a track waits for the idle dispatcher to look at the queue; 0
     *                        wakes it for every track.
     * @param closeOnExit     Whether the engine closes itself (delivering what is pending) when the JVM
     *                        exits without the application closing it.
     * @param maxAge          The longest a track may wait to be delivered (1 ms to 1 day): while
     *                        PromptLayer is unreachable tracks wait in the queue, and those older than
     *                        this are given up, counted and dead-lettered.
     */
    public record Delivery(
            @DefaultValue(PltrackDefaults.DELIVERY_QUEUE_CAPACITY) int queueCapacity,
            @JsonSerialize(using = OptionalValueSerializer.class) Optional<Integer> workers,
            @DefaultValue(PltrackDefaults.DELIVERY_MAX_IN_FLIGHT) int maxInFlight,
            @DefaultValue(PltrackDefaults.DELIVERY_MIN_IN_FLIGHT) int minInFlight,
            @DefaultValue(PltrackDefaults.DELIVERY_OVERFLOW_POLICY) OverflowPolicy overflowPolicy,
            @DefaultValue(PltrackDefaults.DELIVERY_BLOCK_TIMEOUT) Duration blockTimeout,
            @DefaultValue(PltrackDefaults.DELIVERY_SHUTDOWN_TIMEOUT) Duration shutdownTimeout,
            @DefaultValue(PltrackDefaults.DELIVERY_LINGER) Duration linger,
            @DefaultValue(PltrackDefaults.DELIVERY_CLOSE_ON_EXIT) boolean closeOnExit,
            @DefaultValue(PltrackDefaults.DELIVERY_MAX_AGE) Duration maxAge) implements PltrackSettings.Delivery {

        public Delivery {
            workers = Objects.requireNonNullElse(workers, Optional.empty()); // Boot binds an absent Optional as null
        }
    }

    /**
     * {@code promptlayer.logging.*}: what the LLM integrations (Spring AI, LangChain4j) log.
     *
     * @param enabled           Whether every chat call the integrations see is logged to PromptLayer.
     * @param includePrompt     Whether the text sent to the model (messages, tool results) is logged;
     *                          off, only the messages' roles and tool call ids are.
     * @param includeCompletion Whether the model's answer text (and its tool call arguments) is logged.
     * @param tags              Tags added to every logged call.
     * @param maxContentLength  The most characters one text block keeps (at least 64); longer ones are
     *                          cut, ending in "... [cut]".
     */
    public record Logging(
            @DefaultValue(PltrackDefaults.LOGGING_ENABLED) boolean enabled,
            @DefaultValue(PltrackDefaults.LOGGING_INCLUDE_PROMPT) boolean includePrompt,
            @DefaultValue(PltrackDefaults.LOGGING_INCLUDE_COMPLETION) boolean includeCompletion,
            @JsonSerialize(using = OptionalValueSerializer.class) Optional<List<String>> tags,
            @DefaultValue(PltrackDefaults.LOGGING_MAX_CONTENT_LENGTH) int maxContentLength)
            implements PltrackSettings.Logging {

        public Logging {
            tags = tags == null ? Optional.empty() : tags.map(List::copyOf); // Boot binds an absent Optional as null
        }
    }
}
