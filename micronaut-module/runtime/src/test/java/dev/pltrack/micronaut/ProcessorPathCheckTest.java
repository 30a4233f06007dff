package dev.pltrack.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.pltrack.micronaut.beans.ChatService;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * An application bean compiled without pltrack-micronaut-processor ({@code UnboundService}, from
 * {@code src/test/without-processor}) fails start-up naming the method and the fix for Maven and
 * Gradle; with {@code promptlayer.micronaut.processor-check=warn} it is a warning instead. Beans
 * compiled with the processor pass the check (every other test of this module starts with it on).
 */
class ProcessorPathCheckTest {

    private static Map<String, Object> properties(String... more) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("promptlayer.api-key", "pl_processor_check_key");
        properties.put("test.unbound", "true");
        for (int i = 0; i < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        return properties;
    }

    @Test
    void aBeanCompiledWithoutTheProcessorFailsStartUpWithTheFix() {
        assertThatThrownBy(() -> ApplicationContext.run(properties()).close())
                .rootCause()
                .hasMessageContaining("dev.pltrack.micronaut.unbound.UnboundService.rate")
                .hasMessageContaining("pltrack-micronaut-processor was not on the annotation processor path")
                .hasMessageContaining("<annotationProcessorPaths combine.children=\"append\">")
                .hasMessageContaining("annotationProcessor(\"dev.pltrack:pltrack-micronaut-processor")
                .hasMessageNotContaining("pl_processor_check_key");
    }

    @Test
    void warnOnlyLogsIt() {
        Logger logger = (Logger) LoggerFactory.getLogger(ProcessorPathCheck.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (ApplicationContext context = ApplicationContext.run(
                properties(ProcessorPathCheck.PROPERTY, "warn"))) {
            assertThat(appender.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("UnboundService.rate", "pltrack-micronaut-processor");
            });
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void beansCompiledWithTheProcessorPass() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("promptlayer.api-key", "pl_processor_check_key"))) {
            assertThat(context.getBean(ChatService.class)).isNotNull();
            assertThat(ProcessorPathCheck.unboundMethods(context)).isEmpty();
        }
    }
}
