package dev.pltrack.delivery;

import dev.pltrack.internal.RateLimitedLog;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link DeadLetterHandler}: a WARN line per undelivered submission on
 * {@code dev.pltrack.delivery.dead-letter} with what it was, its request id, keys, reason and attempts, never the
 * values (nor the failure's message, where a server may echo them). During an outage at most one line per second is written, each saying how many were left
 * out; {@link DeliveryStats} still counts every one.
 */
public final class LoggingDeadLetterHandler implements DeadLetterHandler {

    public static final String LOGGER_NAME = "dev.pltrack.delivery.dead-letter";

    private final RateLimitedLog log;

    public LoggingDeadLetterHandler() {
        this(LoggerFactory.getLogger(LOGGER_NAME));
    }

    LoggingDeadLetterHandler(Logger logger) {
        this.log = new RateLimitedLog(logger, 1, TimeUnit.SECONDS);
    }

    @Override
    public void handle(DeadLetter letter) {
        log.warn(leftOut -> "PromptLayer " + letter.submission().summary() + " not delivered: " + letter.reason()
                + " after " + letter.attempts() + " attempt(s)"
                + (leftOut > 0 ? " (" + leftOut + " more undelivered tracks not logged)" : ""));
    }
}
