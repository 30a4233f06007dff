package dev.pltrack.quarkus.runtime;

import dev.pltrack.client.HttpLogging;
import dev.pltrack.delivery.OverflowPolicy;
import dev.pltrack.settings.PltrackDefaults;
import dev.pltrack.settings.PltrackSettings;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * pltrack's settings, read when the application starts. The names are the same as in the core
 * builders and the Spring Boot and Micronaut modules; every default is the core's (a test holds
 * them equal). As with any Quarkus property, an environment variable sets one: {@code PROMPTLAYER_API_KEY}
 * is {@code promptlayer.api-key}, {@code PROMPTLAYER_BASE_URL} is {@code promptlayer.base-url},
 * {@code PROMPTLAYER_DELIVERY_QUEUE_CAPACITY} is {@code promptlayer.delivery.queue-capacity}.
 *
 * <p>This mapping is the core's {@link PltrackSettings} view, from which the core alone builds its
 * configurations: each method here only redeclares one of the view's, for its description and
 * {@link PltrackDefaults default}.
 */
@ConfigMapping(prefix = "promptlayer")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface PromptLayerRuntimeConfig extends PltrackSettings {

    /**
     * Whether {@code @TrackMetadata} is carried out. Off: no client, no delivery engine, annotated
     * methods run untouched, nothing is sent and no API key is needed.
     */
    @Override
    @WithDefault(PltrackDefaults.ENABLED)
    boolean enabled();

    /**
     * For tests and development: an annotated call that cannot be tracked (no request id, invalid
     * metadata, a full queue) throws {@code TrackingException} after the method ran, instead of being
     * counted and logged.
     */
    @Override
    @WithDefault(PltrackDefaults.STRICT)
    boolean strict();

    /**
     * The PromptLayer API key; required when enabled. The environment variable {@code PROMPTLAYER_API_KEY}
     * sets it too. Never logged: every pltrack type prints it as {@code ****}.
     */
    @Override
    Optional<String> apiKey();

    /**
     * Where PromptLayer is; the environment variable {@code PROMPTLAYER_BASE_URL} sets it too. Unset
     * (or blank): the core's default, {@code https://api.promptlayer.com}. Plain {@code http://} is
     * refused for hosts that are not loopback unless {@code allow-insecure-http} is set.
     */
    @Override
    Optional<String> baseUrl();

    /** How long connecting to PromptLayer may take. */
    @Override
    @WithDefault(PltrackDefaults.CONNECT_TIMEOUT)
    Duration connectTimeout();

    /** How long PromptLayer may take to answer. */
    @Override
    @WithDefault(PltrackDefaults.READ_TIMEOUT)
    Duration readTimeout();

    /** Allows plain {@code http://} to hosts that are not loopback. */
    @Override
    @WithDefault(PltrackDefaults.ALLOW_INSECURE_HTTP)
    boolean allowInsecureHttp();

    /**
     * Logs each exchange at DEBUG on {@code dev.pltrack.client.http}, the key redacted: {@code NONE},
     * {@code BASIC}, {@code HEADERS} or {@code FULL}.
     */
    @Override
    @WithDefault(PltrackDefaults.HTTP_LOGGING)
    HttpLogging httpLogging();

    /** Retries of 429, 5xx and network failures. */
    @Override
    Retry retry();

    /** The background delivery engine. */
    @Override
    Delivery delivery();

    /** What the LLM integrations (LangChain4j) log. */
    @Override
    Logging logging();

    /**
     * Metadata added to every track, below every other source, e.g.
     * {@code promptlayer.metadata.environment=prod}.
     */
    @Override
    Map<String, String> metadata();

    /** {@code promptlayer.retry.*} */
    interface Retry extends PltrackSettings.Retry {

        /** Attempts in all, the first included; 1 never retries. */
        @Override
        @WithDefault(PltrackDefaults.RETRY_MAX_ATTEMPTS)
        int maxAttempts();

        /** The pause before the second attempt; it doubles up to {@code max-backoff}, with jitter. */
        @Override
        @WithDefault(PltrackDefaults.RETRY_INITIAL_BACKOFF)
        Duration initialBackoff();

        /** The longest pause; a {@code Retry-After} longer than this ends the retries. */
        @Override
        @WithDefault(PltrackDefaults.RETRY_MAX_BACKOFF)
        Duration maxBackoff();
    }

    /** {@code promptlayer.delivery.*} */
    interface Delivery extends PltrackSettings.Delivery {

        /** Most tracks pending at once (waiting, being sent, waiting for a retry); beyond that they overflow. */
        @Override
        @WithDefault(PltrackDefaults.DELIVERY_QUEUE_CAPACITY)
        int queueCapacity();

        /** Retired: setting it fails start-up, naming {@code max-in-flight}, which replaced it. */
        @Override
        Optional<Integer> workers();

        /** Most requests in flight at once (1 to 1024); the adaptive window stays below it. */
        @Override
        @WithDefault(PltrackDefaults.DELIVERY_MAX_IN_FLIGHT)
        int maxInFlight();

        /** The floor the adaptive window never shrinks below. */
        @Override
        @WithDefault(PltrackDefaults.DELIVERY_MIN_IN_FLIGHT)
        int minInFlight();

        /** {@code DROP_NEWEST} refuses a track when the queue is full; {@code BLOCK} waits up to {@code block-timeout}. */
        @Override
        @WithDefault(PltrackDefaults.DELIVERY_OVERFLOW_POLICY)
        OverflowPolicy overflowPolicy();

        /** With {@code BLOCK}: how long a caller may wait for room. */
        @Override
        @WithDefault(PltrackDefaults.DELIVERY_BLOCK_TIMEOUT)
        Duration blockTimeout();

        /** On shutdown, how long pending tracks are still delivered. */
        @Override
        @WithDefault(PltrackDefaults.DELIVERY_SHUTDOWN_TIMEOUT)
        Duration shutdownTimeout();

        /** The longest the idle dispatcher waits before looking at the queue; 0 wakes it for every track. */
        @Override
        @WithDefault(PltrackDefaults.DELIVERY_LINGER)
        Duration linger();

        /** Whether the engine closes itself (delivering what is pending) when the JVM exits unclosed. */
        @Override
        @WithDefault(PltrackDefaults.DELIVERY_CLOSE_ON_EXIT)
        boolean closeOnExit();

        /**
         * The longest a track may wait to be delivered (1 ms to 1 day): while PromptLayer is
         * unreachable, tracks wait in the queue, and those older than this are given up, counted and
         * dead-lettered.
         */
        @Override
        @WithDefault(PltrackDefaults.DELIVERY_MAX_AGE)
        Duration maxAge();
    }

    /** {@code promptlayer.logging.*} */
    interface Logging extends PltrackSettings.Logging {

        /** Whether every chat call the LLM integrations see is logged to PromptLayer. */
        @Override
        @WithDefault(PltrackDefaults.LOGGING_ENABLED)
        boolean enabled();

        /**
         * Whether the text sent to the model (messages, tool results) is logged; off, only the
         * messages' roles and tool call ids are.
         */
        @Override
        @WithDefault(PltrackDefaults.LOGGING_INCLUDE_PROMPT)
        boolean includePrompt();

        /** Whether the model's answer text (and its tool call arguments) is logged. */
        @Override
        @WithDefault(PltrackDefaults.LOGGING_INCLUDE_COMPLETION)
        boolean includeCompletion();

        /** Tags added to every logged call. */
        @Override
        Optional<List<String>> tags();

        /** The most characters one text block keeps (at least 64); longer ones are cut, ending in "... [cut]". */
        @Override
        @WithDefault(PltrackDefaults.LOGGING_MAX_CONTENT_LENGTH)
        int maxContentLength();
    }
}
