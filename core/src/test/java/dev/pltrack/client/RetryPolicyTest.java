package dev.pltrack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(1000));

    private static PromptLayerException serverError() {
        return new PromptLayerServerException(500, "boom", "", null);
    }

    @RepeatedTest(20)
    void backoffDoublesWithJitterInTheUpperHalfAndIsCapped() {
        assertThat(policy.delayBeforeNextAttempt(serverError(), 1)).get()
                .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(50), Duration.ofMillis(100)));
        assertThat(policy.delayBeforeNextAttempt(serverError(), 2)).get()
                .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(100), Duration.ofMillis(200)));
        assertThat(policy.delayBeforeNextAttempt(serverError(), 3)).get()
                .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(200), Duration.ofMillis(400)));
        assertThat(policy.delayBeforeNextAttempt(serverError(), 5)).get()
                .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000)));
    }

    @Test
    void stopsAfterMaxAttempts() {
        assertThat(policy.delayBeforeNextAttempt(serverError(), 6)).isEmpty();
        assertThat(RetryPolicy.noRetries().delayBeforeNextAttempt(serverError(), 1)).isEmpty();
    }

    @Test
    void neverRetriesWhatARetryCannotFix() {
        assertThat(policy.delayBeforeNextAttempt(new PromptLayerUnauthorizedException(401, "", "", null), 1)).isEmpty();
        assertThat(policy.delayBeforeNextAttempt(new PromptLayerNotAcceptedException(200, "", "", null), 1)).isEmpty();
    }

    @Test
    void obeysRetryAfterUpToMaxBackoff() {
        PromptLayerException shortPause = new PromptLayerRateLimitedException(429, "", "", Duration.ofMillis(700));
        PromptLayerException longPause = new PromptLayerRateLimitedException(429, "", "", Duration.ofSeconds(5));

        assertThat(policy.delayBeforeNextAttempt(shortPause, 1)).contains(Duration.ofMillis(700));
        assertThat(policy.delayBeforeNextAttempt(longPause, 1)).isEmpty();
    }

    @Test
    void retriesTransportFailures() {
        assertThat(policy.delayBeforeNextAttempt(new PromptLayerTransportException(true, "slow", null), 1)).isPresent();
        assertThat(policy.delayBeforeNextAttempt(new PromptLayerTransportException(false, "reset", null), 1)).isPresent();
    }

    @Test
    void parsesRetryAfterAsSecondsOrHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);

        assertThat(RetryAfter.parse("3", clock)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse("Mon, 30 Nov 2026 10:00:05 GMT", clock)).contains(Duration.ofSeconds(5));
        assertThat(RetryAfter.parse("Mon, 30 Nov 2026 09:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse("-1", clock)).isEmpty();
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
    }

    @Test
    void aRetryAfterTooLargeForALongIsTheLongestPauseNotNoAdvice() {
        Clock clock = Clock.systemUTC();

        assertThat(RetryAfter.parse("99999999999999999999", clock)).contains(RetryAfter.LONGEST);
        assertThat(RetryAfter.parse(String.valueOf(Long.MAX_VALUE), clock)).contains(RetryAfter.LONGEST);
        assertThat(RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT", clock)).contains(RetryAfter.LONGEST);
        assertThat(RetryAfter.LONGEST.toNanos()).isEqualTo(Long.MAX_VALUE);
        PromptLayerException tooLong = new PromptLayerRateLimitedException(429, "", "",
                RetryAfter.parse("99999999999999999999", clock).orElseThrow());
        assertThat(policy.delayBeforeNextAttempt(tooLong, 1)).isEmpty();
    }

    @Test
    void retryAfterZeroMeansRetryAtOnceAndLeadingZerosAreDigits() {
        Clock clock = Clock.systemUTC();

        assertThat(RetryAfter.parse("0", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse(" 000000000000000000000007 ", clock)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("+5", clock)).isEmpty();
        assertThat(RetryAfter.parse("   ", clock)).isEmpty();
        PromptLayerException atOnce = new PromptLayerRateLimitedException(429, "", "", Duration.ZERO);
        assertThat(policy.delayBeforeNextAttempt(atOnce, 1)).contains(Duration.ZERO);
    }

    @Test
    void aRetryAfterAtMaxBackoffIsObeyedAndOneMillisecondMoreEndsTheRetries() {
        PromptLayerException atMax = new PromptLayerRateLimitedException(429, "", "", Duration.ofMillis(1000));
        PromptLayerException overMax = new PromptLayerRateLimitedException(429, "", "", Duration.ofMillis(1001));

        assertThat(policy.delayBeforeNextAttempt(atMax, 1)).contains(Duration.ofMillis(1000));
        assertThat(policy.delayBeforeNextAttempt(overMax, 1)).isEmpty();
    }

    @Test
    void aHugeRetryAfterOverTheWireEndsTheRetriesAfterOneAttempt() throws Exception {
        try (RawAnswerServer server = new RawAnswerServer(
                "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 99999999999999999999")) {
            PromptLayerClient client = PromptLayerClient.create(PromptLayerConfig.builder()
                    .apiKey("pl_retry_after_key").baseUrl(server.baseUrl())
                    .retryPolicy(FakeBackedClients.FAST_RETRIES).build());

            PromptLayerRateLimitedException failure = catchThrowableOfType(PromptLayerRateLimitedException.class,
                    () -> client.track(1L, Map.of("k", "v")));

            assertThat(failure.retryAfter()).contains(RetryAfter.LONGEST);
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    /** Equal jitter: a pause in the upper half of the doubled backoff, never above it, whatever the draw. */
    @Test
    void everyJitteredPauseLiesInTheUpperHalfOfTheDoubledBackoff() {
        RetryPolicy doubling = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(10));
        // 2 ms doubled is 4 ms, under the 5 ms cap, which must not be taken instead.
        RetryPolicy nearTheCap = new RetryPolicy(10, Duration.ofMillis(2), Duration.ofMillis(5));
        RetryPolicy shortest = new RetryPolicy(10, RetryPolicy.MIN_BACKOFF, RetryPolicy.MIN_BACKOFF);
        for (int draw = 0; draw < 500; draw++) {
            assertThat(doubling.backoffAfter(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(nearTheCap.backoffAfter(2)).isBetween(Duration.ofMillis(2), Duration.ofMillis(4));
            assertThat(shortest.backoffAfter(1)).isBetween(Duration.ZERO, RetryPolicy.MIN_BACKOFF);
        }
    }
}
