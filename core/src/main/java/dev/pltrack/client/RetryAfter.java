package dev.pltrack.client;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses {@code Retry-After}: delta-seconds or an HTTP date (RFC 9110, section 10.2.3). */
final class RetryAfter {

    /**
     * The longest pause reported, about 292 years: any {@link Duration} conversion of it (to
     * milliseconds, to nanoseconds) still fits in a long.
     */
    static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);
    private static final BigInteger LONGEST_SECONDS = BigInteger.valueOf(LONGEST.getSeconds());
    private static final Pattern DELTA_SECONDS = Pattern.compile("[0-9]+");

    private RetryAfter() {
    }

    static Optional<Duration> parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (DELTA_SECONDS.matcher(value).matches()) {
            // Too many digits for a long is still a pause longer than any max-backoff, not "no advice".
            BigInteger seconds = new BigInteger(value);
            return Optional.of(seconds.compareTo(LONGEST_SECONDS) > 0 ? LONGEST : Duration.ofSeconds(seconds.longValueExact()));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration until = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until.compareTo(LONGEST) > 0 ? LONGEST : until);
        } catch (DateTimeParseException notDate) {
            return Optional.empty();
        }
    }
}
