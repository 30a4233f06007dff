package dev.pltrack.spring;

import dev.pltrack.client.HttpLogging;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.PromptLayerConfigurationException;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.delivery.OverflowPolicy;
import dev.pltrack.tracking.TrackingConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code promptlayer.*} properties. Defaults are the core's ({@code PropertiesDefaultsTest} keeps
 * them equal); they are written out here so that the configuration processor puts them in the IDE
 * metadata. {@link #toString()} masks the API key.
 */
@ConfigurationProperties(prefix = PromptLayerProperties.PREFIX)
public class PromptLayerProperties {

    public static final String PREFIX = "promptlayer";

    /**
     * Whether tracking is on. Off: no client, no delivery engine, @TrackMetadata does nothing and no
     * API key is needed.
     */
    private boolean enabled = true;

    /**
     * The PromptLayer API key; the environment variable PROMPTLAYER_API_KEY sets it too. Required
     * when tracking is enabled.
     */
    private String apiKey;

    /** The PromptLayer API's base URL; the environment variable PROMPTLAYER_BASE_URL sets it too. */
    private String baseUrl = "https://api.promptlayer.com";

    /** How long to wait for a connection to PromptLayer. */
    private Duration connectTimeout = Duration.ofSeconds(2);

    /** How long to wait for PromptLayer's answer. */
    private Duration readTimeout = Duration.ofSeconds(10);

    /** Allows plain http:// to hosts that are not loopback (the API key would travel unencrypted). */
    private boolean allowInsecureHttp = false;

    /**
     * How much of each HTTP exchange is logged at DEBUG on the logger dev.pltrack.client.http; the API
     * key is always redacted.
     */
    private HttpLogging httpLogging = HttpLogging.NONE;

    /**
     * Whether a call that cannot be tracked (no request id, invalid metadata, full queue) throws
     * TrackingException to the caller instead of being counted and logged. For tests and development.
     */
    private boolean strict = false;

    /** Metadata added to every track (e.g. promptlayer.metadata.environment=prod), below every other source. */
    private Map<String, String> metadata = new LinkedHashMap<>();

    private final Retry retry = new Retry();

    private final Delivery delivery = new Delivery();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
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

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public HttpLogging getHttpLogging() {
        return httpLogging;
    }

    public void setHttpLogging(HttpLogging httpLogging) {
        this.httpLogging = httpLogging;
    }

    public boolean isStrict() {
        return strict;
    }

    public void setStrict(boolean strict) {
        this.strict = strict;
    }

    public Map<String, String> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, String> metadata) {
        this.metadata = metadata;
    }

    public Retry getRetry() {
        return retry;
    }

    public Delivery getDelivery() {
        return delivery;
    }

    /**
     * The client's settings, checked by the core.
     *
     * @throws PromptLayerConfigurationException naming the property that is missing or wrong
     */
    public PromptLayerConfig toPromptLayerConfig() {
        return PromptLayerConfig.builder()
                .apiKey(apiKey)
                .baseUrl(baseUrl) // blank (an empty PROMPTLAYER_BASE_URL) means the default, as in the core
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .retryPolicy(retry.toRetryPolicy())
                .allowInsecureHttp(allowInsecureHttp)
                .httpLogging(httpLogging)
                .build();
    }

    public DeliveryConfig toDeliveryConfig() {
        return DeliveryConfig.builder()
                .queueCapacity(delivery.queueCapacity)
                .workers(delivery.workers)
                .overflowPolicy(delivery.overflowPolicy)
                .blockTimeout(delivery.blockTimeout)
                .shutdownTimeout(delivery.shutdownTimeout)
                .linger(delivery.linger)
                .build();
    }

    public TrackingConfig toTrackingConfig() {
        return TrackingConfig.builder().enabled(enabled).strict(strict).defaultMetadata(metadata).build();
    }

    @Override
    public String toString() {
        return "PromptLayerProperties{enabled=" + enabled + ", apiKey=" + (apiKey == null ? "<unset>" : "****")
                + ", baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", allowInsecureHttp=" + allowInsecureHttp + ", httpLogging=" + httpLogging + ", strict=" + strict
                + ", metadata keys=" + metadata.keySet() + ", " + retry + ", " + delivery + "}";
    }

    /** {@code promptlayer.retry.*}: which failed sends are tried again, and when. */
    public static class Retry {

        /** Attempts per track including the first (429, 5xx and I/O failures only); 1 means never retry. */
        private int maxAttempts = 4;

        /** Pause before the second attempt; it doubles up to max-backoff, with jitter. */
        private Duration initialBackoff = Duration.ofMillis(500);

        /** Longest pause between two attempts; a longer Retry-After from PromptLayer ends the retries. */
        private Duration maxBackoff = Duration.ofSeconds(30);

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

        /** @throws PromptLayerConfigurationException naming the setting that is wrong */
        RetryPolicy toRetryPolicy() {
            return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff);
        }

        @Override
        public String toString() {
            return "retry{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                    + maxBackoff + "}";
        }
    }

    /** {@code promptlayer.delivery.*}: the background queue that sends tracks. */
    public static class Delivery {

        /** Most tracks waiting, being sent or waiting for a retry at once; what overflows is counted. */
        private int queueCapacity = 10_000;

        /** Sender threads; each holds one HTTP call at a time. */
        private int workers = 2;

        /** What a full queue does with a new track: DROP_NEWEST (counted and reported) or BLOCK (the caller waits up to block-timeout). */
        private OverflowPolicy overflowPolicy = OverflowPolicy.DROP_NEWEST;

        /** With overflow-policy BLOCK: how long a caller may wait for room. */
        private Duration blockTimeout = Duration.ofSeconds(1);

        /** How long closing the application keeps delivering pending tracks. */
        private Duration shutdownTimeout = Duration.ofSeconds(10);

        /** The longest a track waits for an idle sender to look at the queue; 0 wakes a sender for every track. */
        private Duration linger = Duration.ofMillis(50);

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
            return "delivery{queueCapacity=" + queueCapacity + ", workers=" + workers + ", overflowPolicy="
                    + overflowPolicy + ", blockTimeout=" + blockTimeout + ", shutdownTimeout=" + shutdownTimeout
                    + ", linger=" + linger + "}";
        }
    }
}
