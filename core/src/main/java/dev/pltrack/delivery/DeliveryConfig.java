package dev.pltrack.delivery;

import dev.pltrack.client.PromptLayerConfigurationException;
import java.time.Duration;

/**
 * How the {@link DeliveryEngine} queues and sends: the {@code promptlayer.delivery.*} settings.
 * Checked when built; a wrong value fails with a {@link PromptLayerConfigurationException} naming the
 * property.
 */
public final class DeliveryConfig {

    public static final String QUEUE_CAPACITY_PROPERTY = "promptlayer.delivery.queue-capacity";
    /** Retired: delivery no longer holds a thread per call; {@link #MAX_IN_FLIGHT_PROPERTY} replaced it. */
    public static final String WORKERS_PROPERTY = "promptlayer.delivery.workers";
    public static final String MAX_IN_FLIGHT_PROPERTY = "promptlayer.delivery.max-in-flight";
    public static final String MIN_IN_FLIGHT_PROPERTY = "promptlayer.delivery.min-in-flight";
    public static final String OVERFLOW_POLICY_PROPERTY = "promptlayer.delivery.overflow-policy";
    public static final String BLOCK_TIMEOUT_PROPERTY = "promptlayer.delivery.block-timeout";
    public static final String SHUTDOWN_TIMEOUT_PROPERTY = "promptlayer.delivery.shutdown-timeout";
    public static final String LINGER_PROPERTY = "promptlayer.delivery.linger";
    public static final String CLOSE_ON_EXIT_PROPERTY = "promptlayer.delivery.close-on-exit";
    public static final String MAX_AGE_PROPERTY = "promptlayer.delivery.max-age";

    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    /**
     * 64 in flight delivered 1,252 tracks/s against a server answering 50 ms late (measured, README, Benchmarks):
     * far above what PromptLayer's rate limits allow one client, and the window adapts below it.
     */
    public static final int DEFAULT_MAX_IN_FLIGHT = 64;
    public static final int DEFAULT_MIN_IN_FLIGHT = 1;
    /** HTTP/2 servers commonly allow 100-250 streams per connection; more in flight buys nothing. */
    public static final int MAX_MAX_IN_FLIGHT = 1_024;
    public static final OverflowPolicy DEFAULT_OVERFLOW_POLICY = OverflowPolicy.DROP_NEWEST;
    public static final Duration DEFAULT_BLOCK_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(50);
    /** Ten minutes: an outage of PromptLayer shorter than that loses nothing that fits in the queue. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);

    /** Longest shutdown timeout: a day, far beyond any use, and safe from arithmetic overflow. */
    private static final Duration MAX_SHUTDOWN_TIMEOUT = Duration.ofDays(1);
    /** Longest max-age: no track is worth holding longer, as for the retry policy's backoff. */
    private static final Duration MAX_MAX_AGE = Duration.ofDays(1);

    private final int queueCapacity;
    private final int maxInFlight;
    private final int minInFlight;
    private final OverflowPolicy overflowPolicy;
    private final Duration blockTimeout;
    private final Duration shutdownTimeout;
    private final Duration linger;
    private final boolean closeOnExit;
    private final Duration maxAge;

    private DeliveryConfig(Builder builder) {
        if (builder.queueCapacity < 1) {
            throw invalid(QUEUE_CAPACITY_PROPERTY, "must be at least 1 (was " + builder.queueCapacity + ")");
        }
        if (builder.workers != null) {
            throw invalid(WORKERS_PROPERTY, "is retired (was " + builder.workers + "): delivery no longer holds a"
                    + " sender thread per call; requests in flight are set by " + MAX_IN_FLIGHT_PROPERTY
                    + " (default " + DEFAULT_MAX_IN_FLIGHT + "). Remove " + WORKERS_PROPERTY + ".");
        }
        if (builder.maxInFlight < 1 || builder.maxInFlight > MAX_MAX_IN_FLIGHT) {
            throw invalid(MAX_IN_FLIGHT_PROPERTY, "must be between 1 and " + MAX_MAX_IN_FLIGHT
                    + " (was " + builder.maxInFlight + ")");
        }
        if (builder.minInFlight < 1 || builder.minInFlight > builder.maxInFlight) {
            throw invalid(MIN_IN_FLIGHT_PROPERTY, "must be between 1 and " + MAX_IN_FLIGHT_PROPERTY + " ("
                    + builder.maxInFlight + ") (was " + builder.minInFlight + ")");
        }
        if (builder.overflowPolicy == null) {
            throw invalid(OVERFLOW_POLICY_PROPERTY, "must be DROP_NEWEST or BLOCK (was null)");
        }
        this.queueCapacity = builder.queueCapacity;
        this.maxInFlight = builder.maxInFlight;
        this.minInFlight = builder.minInFlight;
        this.overflowPolicy = builder.overflowPolicy;
        this.blockTimeout = notNegative(BLOCK_TIMEOUT_PROPERTY, builder.blockTimeout);
        this.shutdownTimeout = notNegative(SHUTDOWN_TIMEOUT_PROPERTY, builder.shutdownTimeout);
        if (shutdownTimeout.compareTo(MAX_SHUTDOWN_TIMEOUT) > 0) {
            throw invalid(SHUTDOWN_TIMEOUT_PROPERTY, "must be at most " + MAX_SHUTDOWN_TIMEOUT + " (was "
                    + shutdownTimeout + ")");
        }
        this.linger = notNegative(LINGER_PROPERTY, builder.linger);
        this.closeOnExit = builder.closeOnExit;
        if (builder.maxAge == null || builder.maxAge.compareTo(Duration.ofMillis(1)) < 0
                || builder.maxAge.compareTo(MAX_MAX_AGE) > 0) {
            throw invalid(MAX_AGE_PROPERTY, "must be between 1 ms and " + MAX_MAX_AGE + " (was " + builder.maxAge + ")");
        }
        this.maxAge = builder.maxAge;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static DeliveryConfig defaults() {
        return builder().build();
    }

    /** Most tracks waiting, being sent or waiting for a retry at once; what goes beyond overflows. */
    public int queueCapacity() {
        return queueCapacity;
    }

    /**
     * The most requests in flight at once. The engine's window of concurrent requests adapts below it
     * (it shrinks on 429, 503 and timeouts and grows back while answers are healthy); no thread is
     * held per request.
     */
    public int maxInFlight() {
        return maxInFlight;
    }

    /** The floor the adaptive window never shrinks below. */
    public int minInFlight() {
        return minInFlight;
    }

    public OverflowPolicy overflowPolicy() {
        return overflowPolicy;
    }

    /** With {@link OverflowPolicy#BLOCK}: how long a caller may wait for room. */
    public Duration blockTimeout() {
        return blockTimeout;
    }

    /** How long {@link DeliveryEngine#close()} keeps delivering what is pending. */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /**
     * The longest a track waits for an idle dispatcher to look at the queue. A caller does not wake the
     * parked dispatcher (that would cost it a few microseconds of system call) unless tracks pile up;
     * zero makes every track wake it, for the lowest latency. Under load the dispatcher never parks:
     * each answer that comes back sends the next track.
     */
    public Duration linger() {
        return linger;
    }

    /**
     * Whether the engine closes itself when the JVM exits (a shutdown hook, removed by {@link
     * DeliveryEngine#close()}): pending tracks are then delivered within {@code shutdown-timeout}, and
     * what cannot be goes to the dead-letter handler, even when the application never called
     * {@code close()} (a plain {@code main} that returns, {@code System.exit}).
     */
    public boolean closeOnExit() {
        return closeOnExit;
    }

    /**
     * The longest a track may stay pending before it is given up ({@link
     * dev.pltrack.client.FailureReason#EXPIRED}, to the dead-letter handler). It matters during an
     * outage of PromptLayer, when tracks wait in the queue instead of using up their retries: an
     * outage shorter than this loses nothing that fits in the queue.
     */
    public Duration maxAge() {
        return maxAge;
    }

    @Override
    public String toString() {
        return "DeliveryConfig{queueCapacity=" + queueCapacity + ", maxInFlight=" + maxInFlight + ", minInFlight="
                + minInFlight + ", overflowPolicy="
                + overflowPolicy + ", blockTimeout=" + blockTimeout + ", shutdownTimeout=" + shutdownTimeout
                + ", linger=" + linger + ", closeOnExit=" + closeOnExit + ", maxAge=" + maxAge + "}";
    }

    private static Duration notNegative(String property, Duration value) {
        if (value == null || value.isNegative()) {
            throw invalid(property, "must be a duration of zero or more (was " + value + ")");
        }
        return value;
    }

    private static PromptLayerConfigurationException invalid(String property, String rule) {
        return new PromptLayerConfigurationException(property, property + " " + rule);
    }

    /** Collects settings; {@link #build()} checks them. */
    public static final class Builder {
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
        private Integer workers;
        private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
        private int minInFlight = DEFAULT_MIN_IN_FLIGHT;
        private OverflowPolicy overflowPolicy = DEFAULT_OVERFLOW_POLICY;
        private Duration blockTimeout = DEFAULT_BLOCK_TIMEOUT;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
        private Duration linger = DEFAULT_LINGER;
        private boolean closeOnExit = true;
        private Duration maxAge = DEFAULT_MAX_AGE;

        private Builder() {
        }

        public Builder queueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
            return this;
        }

        /**
         * Retired: {@link #build()} refuses any value, saying that {@link #maxInFlight(int)} replaced
         * it. Kept so that a framework can pass on a {@code promptlayer.delivery.workers} it still finds.
         *
         * @deprecated set {@link #maxInFlight(int)}
         */
        @Deprecated
        public Builder workers(Integer workers) {
            this.workers = workers;
            return this;
        }

        public Builder maxInFlight(int maxInFlight) {
            this.maxInFlight = maxInFlight;
            return this;
        }

        public Builder minInFlight(int minInFlight) {
            this.minInFlight = minInFlight;
            return this;
        }

        public Builder overflowPolicy(OverflowPolicy overflowPolicy) {
            this.overflowPolicy = overflowPolicy;
            return this;
        }

        public Builder blockTimeout(Duration blockTimeout) {
            this.blockTimeout = blockTimeout;
            return this;
        }

        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
            return this;
        }

        public Builder linger(Duration linger) {
            this.linger = linger;
            return this;
        }

        public Builder closeOnExit(boolean closeOnExit) {
            this.closeOnExit = closeOnExit;
            return this;
        }

        public Builder maxAge(Duration maxAge) {
            this.maxAge = maxAge;
            return this;
        }

        public DeliveryConfig build() {
            return new DeliveryConfig(this);
        }
    }
}
