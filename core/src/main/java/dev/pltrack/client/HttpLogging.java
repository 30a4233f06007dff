package dev.pltrack.client;

/**
 * How much of each HTTP exchange the client logs, at DEBUG on the logger
 * {@code dev.pltrack.client.http}. The API key is redacted at every level.
 */
public enum HttpLogging {
    /** Nothing (the default). */
    NONE,
    /** Method, URL, status and elapsed time. */
    BASIC,
    /** BASIC plus request and response headers. */
    HEADERS,
    /** HEADERS plus bodies. */
    FULL
}
