package dev.pltrack.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to send a failed track again, and after how long. It only computes: the synchronous client
 * sleeps on its answer, the delivery engine schedules on it.
 *
 * <p>Only {@link FailureReason#isRetryable() retryable} failures are retried (429, 5xx, network
 * failures and timeouts). The pause grows exponentially from {@code initialBackoff}, capped at
 * {@code maxBackoff}, with "equal jitter" (a random point in the upper half) so that many clients do
 * not retry in step. A {@code Retry-After} from the server is obeyed as given; one longer than
 * {@code maxBackoff} ends the retries, since the caller has said it will not wait that long.
 *
 * @param maxAttempts    total attempts including the first; 1 means never retry
 * @param initialBackoff pause before the second attempt (before jitter)
 * @param maxBackoff     longest pause between two attempts
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
    public static final String MAX_ATTEMPTS_PROPERTY = "promptlayer.retry.max-attempts";
    public static final String INITIAL_BACKOFF_PROPERTY = "promptlayer.retry.initial-backoff";
    public static final String MAX_BACKOFF_PROPERTY = "promptlayer.retry.max-backoff";
    /** Pauses are counted in whole milliseconds: a shorter one would be no pause at all. */
    public static final Duration MIN_BACKOFF = Duration.ofMillis(1);
    /** No track is worth holding for more than a day, and far longer pauses overflow the millisecond arithmetic. */
    public static final Duration MAX_BACKOFF_LIMIT = Duration.ofHours(24);

    /** @throws PromptLayerConfigurationException naming the {@code promptlayer.retry.*} setting that is wrong */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new PromptLayerConfigurationException(MAX_ATTEMPTS_PROPERTY,
                    MAX_ATTEMPTS_PROPERTY + " must be at least 1 (was " + maxAttempts + ")");
        }
        if (initialBackoff == null) {
            throw new PromptLayerConfigurationException(INITIAL_BACKOFF_PROPERTY, INITIAL_BACKOFF_PROPERTY + " must be set");
        }
        if (maxBackoff == null) {
            throw new PromptLayerConfigurationException(MAX_BACKOFF_PROPERTY, MAX_BACKOFF_PROPERTY + " must be set");
        }
        if (initialBackoff.compareTo(MIN_BACKOFF) < 0) {
            throw new PromptLayerConfigurationException(INITIAL_BACKOFF_PROPERTY,
                    INITIAL_BACKOFF_PROPERTY + " must be positive, at least 1 ms (was " + initialBackoff + ")");
        }
        if (maxBackoff.compareTo(MAX_BACKOFF_LIMIT) > 0) {
            throw new PromptLayerConfigurationException(MAX_BACKOFF_PROPERTY,
                    MAX_BACKOFF_PROPERTY + " must be at most 24 h (was " + maxBackoff + ")");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new PromptLayerConfigurationException(MAX_BACKOFF_PROPERTY, MAX_BACKOFF_PROPERTY
                    + " must not be shorter than " + INITIAL_BACKOFF_PROPERTY + " (was " + maxBackoff + " < "
                    + initialBackoff + ")");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF);
    }

    /** A policy that sends each track once. */
    public static RetryPolicy noRetries() {
        return new RetryPolicy(1, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF);
    }

    /**
     * The pause before the next attempt, or empty when the failure must be reported now.
     *
     * @param failure      what the last attempt ended with
     * @param attemptsMade how many attempts have been made so far (1 after the first)
     */
    public Optional<Duration> delayBeforeNextAttempt(PromptLayerException failure, int attemptsMade) {
        if (!failure.isRetryable() || attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Optional<Duration> advised = failure instanceof PromptLayerHttpException http
                ? http.retryAfter()
                : Optional.empty();
        if (advised.isPresent()) {
            return advised.get().compareTo(maxBackoff) > 0 ? Optional.empty() : advised;
        }
        return Optional.of(backoffAfter(attemptsMade));
    }

    /**
     * The pause after {@code failures} failures in a row when the server advised none: exponential
     * from {@code initialBackoff}, capped at {@code maxBackoff}, jittered. The delivery engine paces
     * its outage probes on it too.
     */
    public Duration backoffAfter(int failures) {
        return jittered(exponentialBackoff(Math.max(1, failures)));
    }

    private Duration exponentialBackoff(int attemptsMade) {
        long initialMillis = initialBackoff.toMillis();
        long maxMillis = maxBackoff.toMillis();
        int doublings = Math.min(attemptsMade - 1, 30);
        long millis = initialMillis > (maxMillis >> doublings) ? maxMillis : initialMillis << doublings;
        return Duration.ofMillis(Math.min(millis, maxMillis));
    }

    private static Duration jittered(Duration backoff) {
        long millis = backoff.toMillis();
        long half = millis / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(millis - half + 1));
    }
}
