package dev.pltrack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A recurring warning is logged at most once per interval, and the next line says how many were left out. */
class RateLimitedLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(RateLimitedLogTest.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
        logger.setLevel(Level.WARN);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
        logger.setLevel(null);
    }

    @Test
    void theFirstWarningIsLoggedAndTheRestWithinTheIntervalAreNot() {
        RateLimitedLog log = new RateLimitedLog(logger, 1, TimeUnit.HOURS);

        for (int i = 0; i < 5; i++) {
            log.warn(leftOut -> "overloaded, " + leftOut + " left out");
        }

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).isEqualTo("overloaded, 0 left out");
        });
    }

    @Test
    void aLineAfterTheIntervalCountsEveryWarningLeftOutSinceTheLastLine() throws InterruptedException {
        RateLimitedLog log = new RateLimitedLog(logger, 100, TimeUnit.MILLISECONDS);
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            calls.incrementAndGet();
            log.warn(Long::toString);
        }
        Thread.sleep(150);   // past the interval since any line above, however slowly they ran

        calls.incrementAndGet();
        log.warn(Long::toString);

        // Whatever the timing, every call is either a line or counted on the next line; none is lost twice.
        List<Long> reported = lines.list.stream().map(line -> Long.parseLong(line.getFormattedMessage())).toList();
        assertThat(lines.list.size() + reported.stream().mapToLong(Long::longValue).sum()).isEqualTo(calls.get());
        assertThat(lines.list).as("the first line and the one after the pause").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aLineIsDueExactlyOneIntervalAfterTheLastOne() {
        AtomicLong now = new AtomicLong(1_000);
        RateLimitedLog log = new RateLimitedLog(logger, 100, TimeUnit.NANOSECONDS, now::get);

        log.warn(leftOut -> "first, " + leftOut + " left out");        // at 1,000: due at once
        now.set(1_099);
        log.warn(leftOut -> "too soon");
        now.set(1_100);
        log.warn(leftOut -> "on time, " + leftOut + " left out");      // exactly one interval later

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("first, 0 left out", "on time, 1 left out");
    }

    @Test
    void theMessageIsNotBuiltWhenWarningsAreOff() {
        logger.setLevel(Level.ERROR);
        RateLimitedLog log = new RateLimitedLog(logger, 1, TimeUnit.HOURS);
        AtomicInteger built = new AtomicInteger();

        log.warn(leftOut -> "built " + built.incrementAndGet());

        assertThat(built).hasValue(0);
        assertThat(lines.list).isEmpty();
    }
}
