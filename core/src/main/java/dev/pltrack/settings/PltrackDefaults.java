package dev.pltrack.settings;

/**
 * The default of every {@code promptlayer.*} setting, spelled as the frameworks' declarations write
 * it ({@code @DefaultValue}, {@code @Bindable(defaultValue)}, {@code @WithDefault} take a constant
 * string): one copy, so the three declarations cannot drift apart. Each equals the core builder's own
 * default ({@code PltrackDefaultsTest} holds them equal).
 */
public final class PltrackDefaults {

    public static final String ENABLED = "true";
    public static final String STRICT = "false";
    public static final String BASE_URL = "https://api.promptlayer.com";
    public static final String CONNECT_TIMEOUT = "2s";
    public static final String READ_TIMEOUT = "10s";
    public static final String ALLOW_INSECURE_HTTP = "false";
    public static final String HTTP_LOGGING = "none";

    public static final String RETRY_MAX_ATTEMPTS = "4";
    public static final String RETRY_INITIAL_BACKOFF = "500ms";
    public static final String RETRY_MAX_BACKOFF = "30s";

    public static final String DELIVERY_QUEUE_CAPACITY = "10000";
    public static final String DELIVERY_MAX_IN_FLIGHT = "64";
    public static final String DELIVERY_MIN_IN_FLIGHT = "1";
    public static final String DELIVERY_OVERFLOW_POLICY = "drop-newest";
    public static final String DELIVERY_BLOCK_TIMEOUT = "1s";
    public static final String DELIVERY_SHUTDOWN_TIMEOUT = "10s";
    public static final String DELIVERY_LINGER = "50ms";
    public static final String DELIVERY_CLOSE_ON_EXIT = "true";
    public static final String DELIVERY_MAX_AGE = "10m";

    public static final String LOGGING_ENABLED = "true";
    public static final String LOGGING_INCLUDE_PROMPT = "true";
    public static final String LOGGING_INCLUDE_COMPLETION = "true";
    public static final String LOGGING_MAX_CONTENT_LENGTH = "100000";

    private PltrackDefaults() {
    }
}
