package dev.pltrack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.pltrack.client.FailureReason;
import dev.pltrack.client.PromptLayerException;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import dev.pltrack.testkit.Fault;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The default dead-letter handler says which request and keys were lost, never the values or the key. */
class DeadLetterLoggingTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    @Test
    void theDefaultHandlerLogsIdsAndKeysButNeverValuesOrTheApiKey() throws Exception {
        FakePromptLayer fake = promptLayer.server();
        // A 422 whose detail echoes the input, as FastAPI does: still no value in the log.
        fake.failNext(1, Fault.status(422, "{\"detail\":[{\"msg\":\"bad\",\"input\":\"secret-value-123 "
                + fake.apiKey() + "\"}]}"));
        Logger deadLetterLogger = (Logger) LoggerFactory.getLogger(LoggingDeadLetterHandler.LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        deadLetterLogger.addAppender(log);
        try (DeliveryEngine engine = Engines.engineFor(fake).build()) {
            engine.track(77L, Map.of("user_email", "secret-value-123", "plan", "pro"));
            engine.flush(Duration.ofSeconds(5));
        } finally {
            deadLetterLogger.detachAppender(log);
        }
        assertThat(log.list).singleElement().satisfies(event -> {
            String line = event.getFormattedMessage();
            assertThat(line).contains("request 77", "user_email", "plan", "UNPROCESSABLE", "1 attempt");
            assertThat(line).doesNotContain("secret-value-123").doesNotContain("pro\"").doesNotContain(fake.apiKey());
            assertThat(event.getThrowableProxy()).isNull();
        });
    }

    @Test
    void duringAnOutageAtMostOneLinePerSecondIsWrittenAndTheRestAreCountedInTheNextOne() {
        Logger logger = (Logger) LoggerFactory.getLogger("dead-letter-rate-test");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        LoggingDeadLetterHandler handler = new LoggingDeadLetterHandler(logger);
        PromptLayerException failure = new PromptLayerException(FailureReason.NETWORK, "refused");
        for (long id = 1; id <= 1000; id++) {
            handler.handle(new DeadLetter(TrackRequest.of(id, Map.of("k", "v")), failure, 4));
        }
        assertThat(log.list).hasSize(1);
        assertThat(log.list.get(0).getFormattedMessage()).contains("request 1,");
    }

    @Test
    void aDeadLetterPrintsKeysNotValues() {
        DeadLetter letter = new DeadLetter(TrackRequest.of(5L, Map.of("email", "a@b.c")),
                new PromptLayerException(FailureReason.SERVER_ERROR, "boom"), 4);
        assertThat(letter.toString()).isEqualTo("DeadLetter{track for request 5, keys [email], reason=SERVER_ERROR, attempts=4}");
    }
}
