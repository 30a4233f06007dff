package dev.pltrack.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.micronaut.beans.ChatService;
import dev.pltrack.micronaut.health.PltrackHealthIndicator;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.Fault;
import dev.pltrack.tracking.TrackMetadataHandler;
import io.micronaut.context.ApplicationContext;
import io.micronaut.management.health.indicator.HealthResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The API key never shows: not in any log line (start-up, the HTTP exchange logged in full, a refused
 * key), not in a bean's {@code toString()}, not in the health output, not in a start-up failure.
 */
class SecretSafetyTest {

    private static final String SECRET = "pl_secret_never_printed_7f3a9c";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger pltrack = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("dev.pltrack");
    private Level pltrackLevel;

    @BeforeEach
    void captureLogs() {
        pltrackLevel = pltrack.getLevel();
        pltrack.setLevel(Level.DEBUG);   // the HTTP exchange is logged at DEBUG
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(logs);
        pltrack.setLevel(pltrackLevel);
    }

    @Test
    void theKeyIsInNoLogNoToStringAndNoHealthOutput() throws Exception {
        try (FakePromptLayer fake = FakePromptLayer.builder().apiKey(SECRET).start();
                ApplicationContext context = ApplicationContext.run(Map.of(
                        "promptlayer.api-key", SECRET,
                        "promptlayer.base-url", fake.baseUrl(),
                        "promptlayer.http-logging", "full"))) {
            ChatService chat = context.getBean(ChatService.class);
            chat.rateLong(1401L, 5);
            fake.awaitAccepted(1, WAIT);
            fake.failNext(1, Fault.status(401));
            chat.rateLong(1402L, 1);
            context.getBean(DeliveryEngine.class).flush(WAIT);

            HealthResult health = Mono.from(context.getBean(PltrackHealthIndicator.class).getResult()).block();
            assertThat(health.getStatus()).isEqualTo(PltrackHealthIndicator.DEGRADED);
            assertThat(ObservabilityTest.details(health).get("reason").toString()).contains("refused the API key");
            assertThat(health.getDetails().toString()).doesNotContain(SECRET);

            for (Object bean : new Object[] {context.getBean(PromptLayerProperties.class),
                    context.getBean(PromptLayerConfig.class), context.getBean(PromptLayerClient.class),
                    context.getBean(DeliveryEngine.class), context.getBean(TrackMetadataHandler.class)}) {
                assertThat(bean.toString()).as("%s.toString()", bean.getClass().getSimpleName()).doesNotContain(SECRET);
            }
        }
        assertThat(logs.list).as("captured log lines").isNotEmpty()
                .anySatisfy(event -> assertThat(event.getLoggerName()).startsWith("dev.pltrack.client.http"));
        for (ILoggingEvent event : logs.list) {
            assertThat(event.getFormattedMessage()).doesNotContain(SECRET);
            for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                assertThat(String.valueOf(thrown.getMessage())).doesNotContain(SECRET);
            }
        }
    }

    @Test
    void aStartUpFailureDoesNotShowTheKey() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of(
                "promptlayer.api-key", SECRET,
                "promptlayer.base-url", "ftp://promptlayer.example.com")).close())
                .hasMessageContaining("promptlayer.base-url")
                .satisfies(failure -> {
                    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                        assertThat(String.valueOf(cause.getMessage())).doesNotContain(SECRET);
                    }
                });
    }
}
