package dev.pltrack.micronaut;

import dev.pltrack.client.HttpLogging;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.delivery.OverflowPolicy;
import dev.pltrack.tracking.TrackingConfig;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code promptlayer.*} properties, bound by Micronaut from any property source: application
 * configuration files, system properties, and environment variables ({@code PROMPTLAYER_API_KEY} is
 * {@code promptlayer.api-key}, {@code PROMPTLAYER_BASE_URL} is {@code promptlayer.base-url}, and so
 * on).
 *
 * <p>This class only carries values; the rules (a key is required, timeouts are positive, 1 to 64
 * workers...) are the core's, checked when {@link PltrackFactory} builds the core's configurations, so
 * that every framework enforces the same rules with the same messages, each naming its property.
 * Defaults are the core's constants. {@link #toString()} masks the API key.
 */
@ConfigurationProperties(PromptLayerProperties.PREFIX)
@Requires(property = PromptLayerProperties.ENABLED, notEquals = "false")
public class PromptLayerProperties {

    public static final String PREFIX = "promptlayer";
    public static final String ENABLED = TrackingConfig.ENABLED_PROPERTY;

    private boolean enabled = TrackingConfig.defaults().enabled();
    private boolean strict = TrackingConfig.defaults().strict();
    private String apiKey;
    // Unset or blank (e.g. an empty PROMPTLAYER_BASE_URL): the core's default, as the core reads the variable.
    private String baseUrl;
    private Duration connectTimeout = PromptLayerConfig.DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = PromptLayerConfig.DEFAULT_READ_TIMEOUT;
    // No public default in the core: unset means "the core's default".
    private Boolean allowInsecureHttp;
    private HttpLogging httpLogging;
    private Map<String, String> metadata = new LinkedHashMap<>();
    private Retry retry = new Retry();
    private Delivery delivery = new Delivery();

    /** {@code promptlayer.enabled}: {@code false} removes every pltrack bean (nothing is sent, no key needed). */
    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** {@code promptlayer.strict}: an annotated call that cannot be tracked throws (for tests). */
    public boolean isStrict() {
        return strict;
    }

    public void setStrict(boolean strict) {
        this.strict = strict;
    }

    /** {@code promptlayer.api-key}, or the environment variable {@code PROMPTLAYER_API_KEY}. */
    @Nullable
    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
    }

    /**
     * {@code promptlayer.base-url}, or the environment variable {@code PROMPTLAYER_BASE_URL}; unset or
     * blank means {@value PromptLayerConfig#DEFAULT_BASE_URL}.
     */
    @Nullable
    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(@Nullable String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    @Nullable
    public Boolean getAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(@Nullable Boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    @Nullable
    public HttpLogging getHttpLogging() {
        return httpLogging;
    }

    public void setHttpLogging(@Nullable HttpLogging httpLogging) {
        this.httpLogging = httpLogging;
    }

    /** {@code promptlayer.metadata.<key>}: added to every track, below every other source. */
    public Map<String, String> getMetadata() {
        return metadata;
    }

    // Flat and raw: "promptlayer.metadata.user_id" is the key "user_id", dots and case kept.
    public void setMetadata(@MapFormat(transformation = MapFormat.MapTransformation.FLAT,
            keyFormat = StringConvention.RAW) Map<String, String> metadata) {
        this.metadata = metadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(metadata);
    }

    public Retry getRetry() {
        return retry;
    }

    public void setRetry(Retry retry) {
        this.retry = retry;
    }

    public Delivery getDelivery() {
        return delivery;
    }

    public void setDelivery(Delivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public String toString() {
        return "PromptLayerProperties{enabled=" + enabled + ", strict=" + strict
                + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "<unset>" : "****")
                + ", baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", allowInsecureHttp=" + allowInsecureHttp + ", httpLogging=" + httpLogging
                + ", metadata keys=" + metadata.keySet() + ", retry=" + retry + ", delivery=" + delivery + "}";
    }

    /** {@code promptlayer.retry.*}: which failures are retried is the core's rule (429, 5xx, I/O). */
    @ConfigurationProperties("retry")
    public static class Retry {

        private int maxAttempts = RetryPolicy.DEFAULT_MAX_ATTEMPTS;
        private Duration initialBackoff = RetryPolicy.DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = RetryPolicy.DEFAULT_MAX_BACKOFF;

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        @Override
        public String toString() {
            return "Retry{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                    + ", maxBackoff=" + maxBackoff + "}";
        }
    }

    /** {@code promptlayer.delivery.*}: the background delivery engine. */
    @ConfigurationProperties("delivery")
    public static class Delivery {

        private int queueCapacity = DeliveryConfig.DEFAULT_QUEUE_CAPACITY;
        private int workers = DeliveryConfig.DEFAULT_WORKERS;
        private OverflowPolicy overflowPolicy = DeliveryConfig.DEFAULT_OVERFLOW_POLICY;
        private Duration blockTimeout = DeliveryConfig.DEFAULT_BLOCK_TIMEOUT;
        private Duration shutdownTimeout = DeliveryConfig.DEFAULT_SHUTDOWN_TIMEOUT;
        private Duration linger = DeliveryConfig.DEFAULT_LINGER;

        public int getQueueCapacity() {
            return queueCapacity;
        }

        public void setQueueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
        }

        public int getWorkers() {
            return workers;
        }

        public void setWorkers(int workers) {
            this.workers = workers;
        }

        public OverflowPolicy getOverflowPolicy() {
            return overflowPolicy;
        }

        public void setOverflowPolicy(OverflowPolicy overflowPolicy) {
            this.overflowPolicy = overflowPolicy;
        }

        public Duration getBlockTimeout() {
            return blockTimeout;
        }

        public void setBlockTimeout(Duration blockTimeout) {
            this.blockTimeout = blockTimeout;
        }

        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }

        public Duration getLinger() {
            return linger;
        }

        public void setLinger(Duration linger) {
            this.linger = linger;
        }

        @Override
        public String toString() {
            return "Delivery{queueCapacity=" + queueCapacity + ", workers=" + workers + ", overflowPolicy="
                    + overflowPolicy + ", blockTimeout=" + blockTimeout + ", shutdownTimeout=" + shutdownTimeout
                    + ", linger=" + linger + "}";
        }
    }
}
