package dev.pltrack.client;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/** Every log event of a test, the root logger at TRACE meanwhile: for the tests that look for the key in logs. */
final class TraceLogCapture implements BeforeEachCallback, AfterEachCallback {

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level previousLevel;

    @Override
    public void beforeEach(ExtensionContext context) {
        previousLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        captured.list.clear();
        captured.start();
        root.addAppender(captured);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        root.detachAppender(captured);
        root.setLevel(previousLevel);
    }

    List<ILoggingEvent> events() {
        return captured.list;
    }
}
