package dev.pltrack.micronaut;

import dev.pltrack.client.HttpLogging;
import dev.pltrack.delivery.OverflowPolicy;
import dev.pltrack.settings.CoreConfigs;
import dev.pltrack.settings.PltrackDefaults;
import dev.pltrack.settings.PltrackSettings;
import dev.pltrack.tracking.TrackingConfig;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code promptlayer.*} properties, bound by Micronaut at compile time from any property source:
 * configuration files, system properties, and environment variables ({@code PROMPTLAYER_API_KEY} is
 * {@code promptlayer.api-key}, {@code PROMPTLAYER_BASE_URL} is {@code promptlayer.base-url}, ...).
 *
 * <p>This record is the core's {@link PltrackSettings} view, from which {@link CoreConfigs} alone builds
 * the core's configurations (and checks every value, naming the property it refuses); its components
 * only declare each setting once more for Micronaut, with the {@link PltrackDefaults shared defaults}.
 * {@link #toString()} masks the API key.
 *
 * @param metadata flat and raw: {@code promptlayer.metadata.user_id} is the key {@code user_id}, dots
 *                 and case kept
 */
@ConfigurationProperties(PromptLayerProperties.PREFIX)
@Requires(property = PromptLayerProperties.ENABLED, notEquals = "false")
public record PromptLayerProperties(
        @Bindable(defaultValue = PltrackDefaults.ENABLED) boolean enabled,
        @Bindable(defaultValue = PltrackDefaults.STRICT) boolean strict,
        Optional<String> apiKey,
        Optional<String> baseUrl,
        @Bindable(defaultValue = PltrackDefaults.CONNECT_TIMEOUT) Duration connectTimeout,
        @Bindable(defaultValue = PltrackDefaults.READ_TIMEOUT) Duration readTimeout,
        @Bindable(defaultValue = PltrackDefaults.ALLOW_INSECURE_HTTP) boolean allowInsecureHttp,
        @Bindable(defaultValue = PltrackDefaults.HTTP_LOGGING) HttpLogging httpLogging,
        @MapFormat(transformation = MapFormat.MapTransformation.FLAT, keyFormat = StringConvention.RAW)
        Map<String, String> metadata,
        Retry retry,
        Delivery delivery,
        Logging logging) implements PltrackSettings, SettingsGroup {

    public static final String PREFIX = "promptlayer";
    public static final String ENABLED = TrackingConfig.ENABLED_PROPERTY;

    public PromptLayerProperties {
        // What Micronaut leaves unset, the view promises present and empty.
        apiKey = apiKey == null ? Optional.empty() : apiKey;
        baseUrl = baseUrl == null ? Optional.empty() : baseUrl;
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata)); // order kept
    }

    @Override
    public String toString() {
        return "PromptLayerProperties{enabled=" + enabled + ", strict=" + strict
                + ", apiKey=" + (apiKey.filter(key -> !key.isBlank()).isEmpty() ? "<unset>" : "****")
                + ", baseUrl=" + baseUrl.orElse("<default>") + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", allowInsecureHttp=" + allowInsecureHttp + ", httpLogging="
                + httpLogging + ", metadata keys=" + metadata.keySet() + ", retry=" + retry + ", delivery="
                + delivery + ", logging=" + logging + "}";
    }

    /** {@code promptlayer.retry.*}: which failures are retried is the core's rule (429, 5xx, I/O). */
    @ConfigurationProperties("retry")
    public record Retry(
            @Bindable(defaultValue = PltrackDefaults.RETRY_MAX_ATTEMPTS) int maxAttempts,
            @Bindable(defaultValue = PltrackDefaults.RETRY_INITIAL_BACKOFF) Duration initialBackoff,
            @Bindable(defaultValue = PltrackDefaults.RETRY_MAX_BACKOFF) Duration maxBackoff)
            implements PltrackSettings.Retry, SettingsGroup {
    }

    /** {@code promptlayer.delivery.*}: the background delivery engine. */
    @ConfigurationProperties("delivery")
    public record Delivery(
            @Bindable(defaultValue = PltrackDefaults.DELIVERY_QUEUE_CAPACITY) int queueCapacity,
            Optional<Integer> workers,
            @Bindable(defaultValue = PltrackDefaults.DELIVERY_MAX_IN_FLIGHT) int maxInFlight,
            @Bindable(defaultValue = PltrackDefaults.DELIVERY_MIN_IN_FLIGHT) int minInFlight,
            @Bindable(defaultValue = PltrackDefaults.DELIVERY_OVERFLOW_POLICY) OverflowPolicy overflowPolicy,
            @Bindable(defaultValue = PltrackDefaults.DELIVERY_BLOCK_TIMEOUT) Duration blockTimeout,
            @Bindable(defaultValue = PltrackDefaults.DELIVERY_SHUTDOWN_TIMEOUT) Duration shutdownTimeout,
            @Bindable(defaultValue = PltrackDefaults.DELIVERY_LINGER) Duration linger,
            @Bindable(defaultValue = PltrackDefaults.DELIVERY_CLOSE_ON_EXIT) boolean closeOnExit,
            @Bindable(defaultValue = PltrackDefaults.DELIVERY_MAX_AGE) Duration maxAge)
            implements PltrackSettings.Delivery, SettingsGroup {

        public Delivery {
            workers = Objects.requireNonNullElse(workers, Optional.empty()); // an absent Optional may bind as null
        }
    }

    /** {@code promptlayer.logging.*}: what the LLM integrations (LangChain4j) log. */
    @ConfigurationProperties("logging")
    public record Logging(
            @Bindable(defaultValue = PltrackDefaults.LOGGING_ENABLED) boolean enabled,
            @Bindable(defaultValue = PltrackDefaults.LOGGING_INCLUDE_PROMPT) boolean includePrompt,
            @Bindable(defaultValue = PltrackDefaults.LOGGING_INCLUDE_COMPLETION) boolean includeCompletion,
            Optional<List<String>> tags,
            @Bindable(defaultValue = PltrackDefaults.LOGGING_MAX_CONTENT_LENGTH) int maxContentLength)
            implements PltrackSettings.Logging, SettingsGroup {

        public Logging {
            tags = tags == null ? Optional.empty() : tags.map(List::copyOf); // an absent Optional may bind as null
        }
    }
}
