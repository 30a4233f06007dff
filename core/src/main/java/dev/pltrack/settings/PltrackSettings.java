package dev.pltrack.settings;

import dev.pltrack.client.HttpLogging;
import dev.pltrack.delivery.OverflowPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@code promptlayer.*} setting, as the framework bound it: the one neutral view from which
 * {@link CoreConfigs} builds the core's client, delivery and tracking configurations.
 *
 * <p>Each framework keeps its own declaration, which its tooling needs (Spring Boot's IDE metadata,
 * Micronaut's compile-time binding, Quarkus' {@code @ConfigMapping} and config reference), and makes
 * that declaration <em>be</em> this view: a record (Spring, Micronaut) or a sub-interface (Quarkus)
 * whose accessors have these names. Their defaults are the constants of {@link PltrackDefaults}. So a
 * new setting is: an accessor here, a constant in {@link PltrackDefaults}, a line in {@link CoreConfigs},
 * and one line (a record component or an interface method) per framework.
 *
 * <p>Values are as bound, not checked: the core's builders check them and name the property they refuse.
 */
public interface PltrackSettings {

    /** {@code promptlayer.enabled} */
    boolean enabled();

    /** {@code promptlayer.strict} */
    boolean strict();

    /** {@code promptlayer.api-key}; the frameworks also read the environment variable {@code PROMPTLAYER_API_KEY}. */
    Optional<String> apiKey();

    /** {@code promptlayer.base-url}; empty or blank means the core's default. */
    Optional<String> baseUrl();

    /** {@code promptlayer.connect-timeout} */
    Duration connectTimeout();

    /** {@code promptlayer.read-timeout} */
    Duration readTimeout();

    /** {@code promptlayer.allow-insecure-http} */
    boolean allowInsecureHttp();

    /** {@code promptlayer.http-logging} */
    HttpLogging httpLogging();

    /** {@code promptlayer.metadata.<key>} */
    Map<String, String> metadata();

    /** {@code promptlayer.retry.*} */
    Retry retry();

    /** {@code promptlayer.delivery.*} */
    Delivery delivery();

    /** {@code promptlayer.logging.*}: what the LLM integrations log */
    Logging logging();

    /** {@code promptlayer.retry.*} */
    interface Retry {

        /** {@code promptlayer.retry.max-attempts} */
        int maxAttempts();

        /** {@code promptlayer.retry.initial-backoff} */
        Duration initialBackoff();

        /** {@code promptlayer.retry.max-backoff} */
        Duration maxBackoff();
    }

    /** {@code promptlayer.delivery.*} */
    interface Delivery {

        /** {@code promptlayer.delivery.queue-capacity} */
        int queueCapacity();

        /**
         * {@code promptlayer.delivery.workers}: retired, so unset by default; a value is passed on
         * only to be refused with a message naming {@code max-in-flight}, which replaced it.
         */
        Optional<Integer> workers();

        /** {@code promptlayer.delivery.max-in-flight} */
        int maxInFlight();

        /** {@code promptlayer.delivery.min-in-flight} */
        int minInFlight();

        /** {@code promptlayer.delivery.overflow-policy} */
        OverflowPolicy overflowPolicy();

        /** {@code promptlayer.delivery.block-timeout} */
        Duration blockTimeout();

        /** {@code promptlayer.delivery.shutdown-timeout} */
        Duration shutdownTimeout();

        /** {@code promptlayer.delivery.linger} */
        Duration linger();

        /** {@code promptlayer.delivery.close-on-exit} */
        boolean closeOnExit();

        /** {@code promptlayer.delivery.max-age} */
        Duration maxAge();
    }

    /** {@code promptlayer.logging.*} */
    interface Logging {

        /** {@code promptlayer.logging.enabled} */
        boolean enabled();

        /** {@code promptlayer.logging.include-prompt} */
        boolean includePrompt();

        /** {@code promptlayer.logging.include-completion} */
        boolean includeCompletion();

        /** {@code promptlayer.logging.tags}; empty when unset. */
        Optional<List<String>> tags();

        /** {@code promptlayer.logging.max-content-length} */
        int maxContentLength();
    }
}
