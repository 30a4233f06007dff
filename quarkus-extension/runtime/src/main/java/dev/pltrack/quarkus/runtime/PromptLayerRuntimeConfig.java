package dev.pltrack.quarkus.runtime;

import dev.pltrack.client.HttpLogging;
import dev.pltrack.delivery.OverflowPolicy;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * pltrack's settings, read when the application starts. The names are the same as in the core
 * builders and the Spring Boot and Micronaut modules; every default is the core's (a test holds
 * them equal). As with any Quarkus property, an environment variable sets one: {@code PROMPTLAYER_API_KEY}
 * is {@code promptlayer.api-key}, {@code PROMPTLAYER_BASE_URL} is {@code promptlayer.base-url},
 * {@code PROMPTLAYER_DELIVERY_QUEUE_CAPACITY} is {@code promptlayer.delivery.queue-capacity}.
 */
@ConfigMapping(prefix = "promptlayer")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface PromptLayerRuntimeConfig {

    /**
     * Whether {@code @TrackMetadata} is carried out. Off: no client, no delivery engine, annotated
     * methods run untouched, nothing is sent and no API key is needed.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * For tests and development: an annotated call that cannot be tracked (no request id, invalid
     * metadata, a full queue) throws {@code TrackingException} after the method ran, instead of being
     * counted and logged.
     */
    @WithDefault("false")
    boolean strict();

    /**
     * The PromptLayer API key; required when enabled. The environment variable {@code PROMPTLAYER_API_KEY}
     * sets it too. Never logged: every pltrack type prints it as {@code ****}.
     */
    Optional<String> apiKey();

    /**
     * Where PromptLayer is; the environment variable {@code PROMPTLAYER_BASE_URL} sets it too. Unset
     * (or blank): the core's default, {@code https://api.promptlayer.com}. Plain {@code http://} is
     * refused for hosts that are not loopback unless {@code allow-insecure-http} is set.
     */
    Optional<String> baseUrl();

    /** How long connecting to PromptLayer may take. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** How long PromptLayer may take to answer. */
    @WithDefault("10s")
    Duration readTimeout();

    /** Allows plain {@code http://} to hosts that are not loopback. */
    @WithDefault("false")
    boolean allowInsecureHttp();

    /**
     * Logs each exchange at DEBUG on {@code dev.pltrack.client.http}, the key redacted: {@code NONE},
     * {@code BASIC}, {@code HEADERS} or {@code FULL}.
     */
    @WithDefault("NONE")
    HttpLogging httpLogging();

    /** Retries of 429, 5xx and network failures. */
    Retry retry();

    /** The background delivery engine. */
    Delivery delivery();

    /**
     * Metadata added to every track, below every other source, e.g.
     * {@code promptlayer.metadata.environment=prod}.
     */
    Map<String, String> metadata();

    /** {@code promptlayer.retry.*} */
    interface Retry {

        /** Attempts in all, the first included; 1 never retries. */
        @WithDefault("4")
        int maxAttempts();

        /** The pause before the second attempt; it doubles up to {@code max-backoff}, with jitter. */
        @WithDefault("500ms")
        Duration initialBackoff();

        /** The longest pause; a {@code Retry-After} longer than this ends the retries. */
        @WithDefault("30s")
        Duration maxBackoff();
    }

    /** {@code promptlayer.delivery.*} */
    interface Delivery {

        /** Most tracks pending at once (waiting, being sent, waiting for a retry); beyond that they overflow. */
        @WithDefault("10000")
        int queueCapacity();

        /** Sender threads, 1 to 64. */
        @WithDefault("2")
        int workers();

        /** {@code DROP_NEWEST} refuses a track when the queue is full; {@code BLOCK} waits up to {@code block-timeout}. */
        @WithDefault("DROP_NEWEST")
        OverflowPolicy overflowPolicy();

        /** With {@code BLOCK}: how long a caller may wait for room. */
        @WithDefault("1s")
        Duration blockTimeout();

        /** On shutdown, how long pending tracks are still delivered. */
        @WithDefault("10s")
        Duration shutdownTimeout();

        /** The longest an idle sender waits before looking at the queue; 0 wakes a sender for every track. */
        @WithDefault("50ms")
        Duration linger();
    }
}
