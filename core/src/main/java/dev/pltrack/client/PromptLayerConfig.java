package dev.pltrack.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything the client needs to reach PromptLayer, checked when built. The framework modules map
 * their {@code promptlayer.*} properties onto {@link Builder}; plain Java code uses it directly:
 *
 * <pre>{@code
 * PromptLayerConfig config = PromptLayerConfig.fromEnvironment()   // PROMPTLAYER_API_KEY, PROMPTLAYER_BASE_URL
 *         .readTimeout(Duration.ofSeconds(5))
 *         .build();
 * }</pre>
 *
 * {@link #toString()} masks the API key.
 */
public final class PromptLayerConfig {

    public static final String API_KEY_ENV = "PROMPTLAYER_API_KEY";
    public static final String BASE_URL_ENV = "PROMPTLAYER_BASE_URL";
    public static final String API_KEY_PROPERTY = "promptlayer.api-key";
    public static final String BASE_URL_PROPERTY = "promptlayer.base-url";
    public static final String ALLOW_INSECURE_HTTP_PROPERTY = "promptlayer.allow-insecure-http";

    public static final String DEFAULT_BASE_URL = "https://api.promptlayer.com";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    /** Timeouts are counted in whole milliseconds by the transports; below that one would be zero. */
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(1);
    /** A track is a few hundred bytes: a longer wait would only hide a dead server. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    /** PromptLayer keys are about 40 characters; a longer value is something else pasted by mistake. */
    public static final int MAX_API_KEY_LENGTH = 1024;

    private final ApiKey apiKey;
    private final URI baseUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final RetryPolicy retryPolicy;
    private final boolean allowInsecureHttp;
    private final HttpLogging httpLogging;

    private PromptLayerConfig(Builder builder) {
        this.apiKey = checkedKey(builder.apiKey);
        this.allowInsecureHttp = builder.allowInsecureHttp;
        this.baseUrl = checkedBaseUrl(builder.baseUrl, builder.allowInsecureHttp, apiKey);
        this.connectTimeout = timeout("promptlayer.connect-timeout", builder.connectTimeout);
        this.readTimeout = timeout("promptlayer.read-timeout", builder.readTimeout);
        this.retryPolicy = Objects.requireNonNull(builder.retryPolicy, "retryPolicy");
        this.httpLogging = Objects.requireNonNull(builder.httpLogging, "httpLogging");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that has read {@code PROMPTLAYER_API_KEY} and {@code PROMPTLAYER_BASE_URL}. */
    public static Builder fromEnvironment() {
        return builder().environment(System::getenv);
    }

    public ApiKey apiKey() {
        return apiKey;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public boolean allowInsecureHttp() {
        return allowInsecureHttp;
    }

    public HttpLogging httpLogging() {
        return httpLogging;
    }

    @Override
    public String toString() {
        return "PromptLayerConfig{apiKey=" + apiKey + ", baseUrl=" + baseUrl
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", retryPolicy=" + retryPolicy + ", allowInsecureHttp=" + allowInsecureHttp
                + ", httpLogging=" + httpLogging + "}";
    }

    /** A key that cannot travel in the {@code X-API-KEY} header would fail every track: refuse it now. */
    private static ApiKey checkedKey(String given) {
        if (BlankText.isBlank(given)) {
            throw new MissingApiKeyException();
        }
        ApiKey key = ApiKey.of(given);
        if (key.reveal().length() > MAX_API_KEY_LENGTH) {
            throw new PromptLayerConfigurationException(API_KEY_PROPERTY, API_KEY_PROPERTY + " must be at most "
                    + MAX_API_KEY_LENGTH + " characters (was " + key.reveal().length()
                    + "); PromptLayer keys are about 40, so this is likely something else");
        }
        ApiKeyCharacters.problem(key.reveal()).ifPresent(problem -> {
            throw new PromptLayerConfigurationException(API_KEY_PROPERTY, API_KEY_PROPERTY
                    + " cannot be sent in an HTTP header: " + problem
                    + ". Copy the key again as plain text (the key itself is not shown).");
        });
        return key;
    }

    private static URI checkedBaseUrl(String text, boolean allowInsecureHttp, ApiKey key) {
        try {
            return BaseUrl.parse(text, allowInsecureHttp);
        } catch (PromptLayerConfigurationException refused) {
            // The message shows the host and path: were the key pasted there, it is masked all the same.
            String redacted = new SecretRedactor(key).redact(refused.getMessage());
            if (redacted.equals(refused.getMessage())) {
                throw refused;
            }
            throw new PromptLayerConfigurationException(refused.property(), redacted);
        }
    }

    private static Duration timeout(String property, Duration value) {
        if (value == null || value.compareTo(MIN_TIMEOUT) < 0 || value.compareTo(MAX_TIMEOUT) > 0) {
            throw new PromptLayerConfigurationException(property, property + " must be a positive duration from "
                    + MIN_TIMEOUT.toMillis() + " ms to " + MAX_TIMEOUT.toMinutes() + " min (was " + value + ")");
        }
        return value;
    }

    /** Collects settings; {@link #build()} checks them all. Later calls override earlier ones. */
    public static final class Builder {
        private String apiKey;
        private String baseUrl = DEFAULT_BASE_URL;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private boolean allowInsecureHttp;
        private HttpLogging httpLogging = HttpLogging.NONE;

        private Builder() {
        }

        /**
         * Takes the key and base URL from {@code PROMPTLAYER_API_KEY} and {@code PROMPTLAYER_BASE_URL}
         * where they are set and not blank, as PromptLayer's own SDKs do.
         *
         * @param environment looks a variable up; {@code System::getenv} in production
         */
        public Builder environment(Function<String, String> environment) {
            String key = environment.apply(API_KEY_ENV);
            if (!BlankText.isBlank(key)) {
                this.apiKey = key;
            }
            String url = environment.apply(BASE_URL_ENV);
            if (url != null && !url.isBlank()) {
                this.baseUrl = url;
            }
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Null or blank means {@value #DEFAULT_BASE_URL}, as an empty {@value #BASE_URL_ENV} does. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /** Allows plain {@code http://} to hosts that are not loopback. Off by default. */
        public Builder allowInsecureHttp(boolean allowInsecureHttp) {
            this.allowInsecureHttp = allowInsecureHttp;
            return this;
        }

        public Builder httpLogging(HttpLogging httpLogging) {
            this.httpLogging = httpLogging;
            return this;
        }

        /**
         * @throws MissingApiKeyException            when no key was given
         * @throws PromptLayerConfigurationException when a setting is invalid; the message names it
         */
        public PromptLayerConfig build() {
            return new PromptLayerConfig(this);
        }

        @Override
        public String toString() {
            return "PromptLayerConfig.Builder{apiKey=" + (apiKey == null ? "<unset>" : ApiKey.MASK)
                    + ", baseUrl=" + baseUrl + "}";
        }
    }
}
