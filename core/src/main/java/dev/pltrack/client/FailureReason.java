package dev.pltrack.client;

/**
 * Why a track did not reach PromptLayer. Counters and dead-letter handlers group failures by it,
 * and {@link #isRetryable()} is the single place that decides what a retry may fix.
 */
public enum FailureReason {
    /** The request broke a rule before anything was sent (see {@link InvalidTrackRequestException}). */
    INVALID_REQUEST(false),
    /** 400: PromptLayer could not read the request. */
    BAD_REQUEST(false),
    /** 401: the API key is missing or wrong. */
    UNAUTHORIZED(false),
    /** 403: the key may not do this. */
    FORBIDDEN(false),
    /** 404: no such request id, or a wrong base URL. */
    NOT_FOUND(false),
    /** 409: the server refused a conflicting change. */
    CONFLICT(false),
    /** 422: the server's own validation rejected the body. */
    UNPROCESSABLE(false),
    /** 429: rate limited; worth retrying after the advised pause. */
    RATE_LIMITED(true),
    /** 5xx: the server failed; worth retrying. */
    SERVER_ERROR(true),
    /** Any other status that is not a success. */
    UNEXPECTED_STATUS(false),
    /** The connection could not be made or broke before an answer arrived. */
    NETWORK(true),
    /** The connect or read timeout ran out. */
    TIMEOUT(true),
    /** A 200 whose body is not the JSON PromptLayer sends. */
    INVALID_RESPONSE(false),
    /** A 200 whose body says {@code "success": false}. */
    NOT_ACCEPTED(false),
    /** The delivery queue was full and the overflow policy refused the track. */
    QUEUE_FULL(false),
    /** The delivery engine was closed (or closing) when the track was submitted. */
    ENGINE_CLOSED(false),
    /** The engine was closed and the shutdown timeout ran out before the track could be delivered. */
    SHUTDOWN_TIMEOUT(false),
    /** The track waited longer than {@code promptlayer.delivery.max-age} (PromptLayer was unreachable). */
    EXPIRED(false);

    private final boolean retryable;

    FailureReason(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether sending the same request again may succeed. */
    public boolean isRetryable() {
        return retryable;
    }
}
