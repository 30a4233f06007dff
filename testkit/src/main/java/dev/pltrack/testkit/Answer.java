package dev.pltrack.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * What the fake answers to one request, before WireMock turns it into bytes.
 *
 * @param status the HTTP status, or -1 when the connection is broken instead
 * @param contentType the response's Content-Type, or null for connection faults
 * @param body the response body, or null for connection faults
 * @param retryAfterSeconds the Retry-After header value, or null for none
 * @param connectionFault how the connection is broken, or null for a normal HTTP answer
 * @param delay how long to wait before answering
 * @param accepted whether PromptLayer would store the request (a valid one answered as a success)
 */
record Answer(
        int status,
        String contentType,
        String body,
        Long retryAfterSeconds,
        com.github.tomakehurst.wiremock.http.Fault connectionFault,
        Duration delay,
        boolean accepted) {

    static final String JSON = "application/json";

    Answer {
        Objects.requireNonNull(delay, "delay");
    }

    static Answer json(int status, String body) {
        return new Answer(status, JSON, body, null, null, Duration.ZERO, false);
    }

    /** A success for a valid request: it counts as stored. */
    static Answer accepted(int status, String body) {
        return new Answer(status, JSON, body, null, null, Duration.ZERO, true);
    }

    static Answer brokenConnection(com.github.tomakehurst.wiremock.http.Fault fault) {
        return new Answer(-1, null, null, null, fault, Duration.ZERO, false);
    }

    Answer withRetryAfter(long seconds) {
        return new Answer(status, contentType, body, seconds, connectionFault, delay, accepted);
    }

    Answer delayedBy(Duration extra) {
        if (extra.isZero()) {
            return this;
        }
        return new Answer(
                status,
                contentType,
                body,
                retryAfterSeconds,
                connectionFault,
                delay.plus(extra),
                accepted);
    }
}
