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
    public static final String WORKERS_PROPERTY = "promptlayer.delivery.workers";
    public static final String OVERFLOW_POLICY_PROPERTY = "promptlayer.delivery.overflow-policy";
    public static final String BLOCK_TIMEOUT_PROPERTY = "promptlayer.delivery.block-timeout";
    public static final String SHUTDOWN_TIMEOUT_PROPERTY = "promptlayer.delivery.shutdown-timeout";
    public static final String LINGER_PROPERTY = "promptlayer.delivery.linger";

    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    public static final int DEFAULT_WORKERS = 2;
    public static final OverflowPolicy DEFAULT_OVERFLOW_POLICY = OverflowPolicy.DROP_NEWEST;
    public static final Duration DEFAULT_BLOCK_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(50);

    private static final int MAX_WORKERS = 64;

    private final int queueCapacity;
    private final int workers;
    private final OverflowPolicy overflowPolicy;
    private final Duration blockTimeout;
    private final Duration shutdownTimeout;
    private final Duration linger;

    private DeliveryConfig(Builder builder) {
        if (builder.queueCapacity < 1) {
            throw invalid(QUEUE_CAPACITY_PROPERTY, "must be at least 1 (was " + builder.queueCapacity + ")");
        }
        if (builder.workers < 1 || builder.workers > MAX_WORKERS) {
            throw invalid(WORKERS_PROPERTY, "must be between 1 and " + MAX_WORKERS + " (was " + builder.workers + ")");
        }
        if (builder.overflowPolicy == null) {
            throw invalid(OVERFLOW_POLICY_PROPERTY, "must be DROP_NEWEST or BLOCK (was null)");
        }
        this.queueCapacity = builder.queueCapacity;
        this.workers = builder.workers;
        this.overflowPolicy = builder.overflowPolicy;
        this.blockTimeout = notNegative(BLOCK_TIMEOUT_PROPERTY, builder.blockTimeout);
        this.shutdownTimeout = notNegative(SHUTDOWN_TIMEOUT_PROPERTY, builder.shutdownTimeout);
        this.linger = notNegative(LINGER_PROPERTY, builder.linger);
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

    /** Sender threads; each holds one HTTP call at a time. */
    public int workers() {
        return workers;
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
     * The longest a track waits for an idle sender to look at the queue. A caller does not wake a
     * parked sender (that would cost it a few microseconds of system call) unless tracks pile up;
     * zero makes every track wake one, for the lowest latency.
     */
    public Duration linger() {
        return linger;
    }

    @Override
    public String toString() {
        return "DeliveryConfig{queueCapacity=" + queueCapacity + ", workers=" + workers + ", overflowPolicy="
                + overflowPolicy + ", blockTimeout=" + blockTimeout + ", shutdownTimeout=" + shutdownTimeout
                + ", linger=" + linger + "}";
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
        private int workers = DEFAULT_WORKERS;
        private OverflowPolicy overflowPolicy = DEFAULT_OVERFLOW_POLICY;
        private Duration blockTimeout = DEFAULT_BLOCK_TIMEOUT;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
        private Duration linger = DEFAULT_LINGER;

        private Builder() {
        }

        public Builder queueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
            return this;
        }

        public Builder workers(int workers) {
            this.workers = workers;
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

        public DeliveryConfig build() {
            return new DeliveryConfig(this);
        }
    }
}
