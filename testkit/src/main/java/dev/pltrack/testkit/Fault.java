package dev.pltrack.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A way for the fake to misbehave on one request, queued with {@link FakePromptLayer#failNext}.
 *
 * <p>A client is only as good as its handling of the answers it rarely sees: rate limits, server
 * errors, a 200 that says {@code "success": false}, a proxy's HTML page, a connection that dies.
 * Each factory here produces one of those, for any endpoint of the fake. A faulted request is still
 * recorded (in {@link FakePromptLayer#calls()} and its endpoint's list); it is accepted (stored and
 * merged) only when the fault still gives the client a success for an otherwise valid request:
 * {@link #delay} everywhere, and on the track endpoints a {@link #status(int, String)} that imitates
 * success (such as an older server's bare {@code 200 {"success":true}}). A {@code /log-request}
 * answered by a status fault is never stored and takes no id: the client could not learn it.
 *
 * <p>Instances are immutable and can be reused.
 */
public final class Fault {

    private enum Kind {
        STATUS,
        RATE_LIMITED,
        DELAY,
        DROP_CONNECTION,
        EMPTY_RESPONSE,
        SUCCESS_FALSE,
        NON_JSON_OK
    }

    private static final int MAX_TO_STRING_BODY = 80;

    private final Kind kind;
    private final int status;
    private final String body;
    private final Duration duration;
    private final String detail;

    /** A 200 {"success":true} stores a track like PromptLayer would, whoever sent it. */
    private final boolean imitatesSuccess;

    private Fault(Kind kind, int status, String body, Duration duration, String detail) {
        this.kind = kind;
        this.status = status;
        this.body = body;
        this.duration = duration;
        this.detail = detail;
        this.imitatesSuccess = kind == Kind.STATUS && status == 200 && Json.isSuccessTrue(body);
    }

    /**
     * An error status with the JSON body PromptLayer sends with it: 400 {@code {"detail":...}}, 401
     * {@code {"error","message"}}, 422 a FastAPI {@code {"detail":[...]}}, 429 (without
     * Retry-After; see {@link #rateLimited}), 5xx {@code {"message":...}}.
     *
     * @param status 400 to 599
     */
    public static Fault status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException(
                    "Fault.status(int) takes an error status (400-599), got "
                            + status
                            + "; use status(int, String) for anything else");
        }
        return new Fault(Kind.STATUS, status, PromptLayerBodies.forStatus(status), null, null);
    }

    /**
     * Any status from 200 to 599 with this body, sent as {@code application/json}. The body is sent
     * as given, so it can also be broken JSON.
     */
    public static Fault status(int status, String jsonBody) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be 200-599, got " + status);
        }
        Objects.requireNonNull(jsonBody, "jsonBody");
        return new Fault(Kind.STATUS, status, jsonBody, null, truncate(jsonBody));
    }

    /** 429 with {@code Retry-After} in whole seconds, rounded up (1.2 s becomes 2). */
    public static Fault rateLimited(Duration retryAfter) {
        requireNotNegative(retryAfter, "retryAfter");
        return new Fault(Kind.RATE_LIMITED, 429, PromptLayerBodies.RATE_LIMITED, retryAfter, null);
    }

    /** The normal answer (accepted if the request is valid), sent after this delay. */
    public static Fault delay(Duration delay) {
        requireNotNegative(delay, "delay");
        return new Fault(Kind.DELAY, 0, null, delay, null);
    }

    /** The server resets the connection instead of answering: the client sees an I/O error. */
    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, -1, null, null, null);
    }

    /** The server closes the connection without sending a byte: the client sees an I/O error. */
    public static Fault emptyResponse() {
        return new Fault(Kind.EMPTY_RESPONSE, -1, null, null, null);
    }

    /** 200 {@code {"success":false,"message":...}}: a failure dressed as success. */
    public static Fault successFalse(String message) {
        Objects.requireNonNull(message, "message");
        return new Fault(
                Kind.SUCCESS_FALSE, 200, PromptLayerBodies.successFalse(message), null, message);
    }

    /**
     * 200 with {@code Content-Type: text/html} and an HTML page, as a proxy or captive portal
     * sends.
     */
    public static Fault nonJsonOk() {
        return new Fault(Kind.NON_JSON_OK, 200, PromptLayerBodies.HTML_PAGE, null, null);
    }

    /** What the fake answers instead of {@code normal}, the answer a healthy server would give. */
    Answer answerInsteadOf(Answer normal) {
        switch (kind) {
            case STATUS:
                // Only the track endpoints answer 200 {"success":true}; a log's success is a 201.
                boolean accepted = normal.accepted() && normal.status() == 200 && imitatesSuccess;
                return new Answer(status, Answer.JSON, body, null, null, Duration.ZERO, accepted);
            case RATE_LIMITED:
                return Answer.json(status, body).withRetryAfter(retryAfterSeconds());
            case DELAY:
                return normal.delayedBy(duration);
            case DROP_CONNECTION:
                return Answer.brokenConnection(
                        com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
            case EMPTY_RESPONSE:
                return Answer.brokenConnection(
                        com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE);
            case SUCCESS_FALSE:
                return Answer.json(status, body);
            case NON_JSON_OK:
                return new Answer(
                        status, "text/html; charset=utf-8", body, null, null, Duration.ZERO, false);
            default:
                throw new IllegalStateException("unknown fault kind " + kind);
        }
    }

    private long retryAfterSeconds() {
        return duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
    }

    @Override
    public String toString() {
        switch (kind) {
            case STATUS:
                return detail == null
                        ? "Fault.status(" + status + ")"
                        : "Fault.status(" + status + ", " + detail + ")";
            case RATE_LIMITED:
                return "Fault.rateLimited("
                        + duration
                        + ", Retry-After: "
                        + retryAfterSeconds()
                        + ")";
            case DELAY:
                return "Fault.delay(" + duration + ")";
            case DROP_CONNECTION:
                return "Fault.dropConnection()";
            case EMPTY_RESPONSE:
                return "Fault.emptyResponse()";
            case SUCCESS_FALSE:
                return "Fault.successFalse(\"" + truncate(detail) + "\")";
            default:
                return "Fault.nonJsonOk()";
        }
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Fault)) {
            return false;
        }
        Fault that = (Fault) other;
        return kind == that.kind
                && status == that.status
                && Objects.equals(body, that.body)
                && Objects.equals(duration, that.duration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, status, body, duration);
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + duration);
        }
    }

    private static String truncate(String text) {
        return text.length() <= MAX_TO_STRING_BODY
                ? text
                : text.substring(0, MAX_TO_STRING_BODY) + "...";
    }
}
