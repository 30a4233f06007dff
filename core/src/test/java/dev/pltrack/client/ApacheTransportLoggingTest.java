package dev.pltrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.pltrack.sockets.ScriptedServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Apache HttpClient 5 logs through SLF4J: at TRACE its loggers must not show the key, and where one
 * would (the header and frame-payload logs at DEBUG) pltrack sends with the JDK transport instead.
 */
class ApacheTransportLoggingTest {

    private static final String SECRET = "pl_hc5_logging_secret";
    private static final List<String> KEY_LOGGERS =
            List.of("org.apache.hc.client5.http.headers", "org.apache.hc.client5.http2.frame.payload");

    @RegisterExtension
    final TraceLogCapture captured = new TraceLogCapture();

    @AfterEach
    void restoreLogging() {
        KEY_LOGGERS.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).setLevel(null));
    }

    @Test
    void everyOtherLoggerOfHttpClient5AtTraceShowsNoKey() throws Exception {
        KEY_LOGGERS.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.INFO));
        track();

        assertThat(messages()).as("HC5 logged at TRACE")
                .anyMatch(line -> line.matches("(?s).*\\bex-\\d+.*"))
                .noneMatch(line -> line.contains("pltrack sends with the JDK's HTTP client instead"));
        assertThat(messages()).noneSatisfy(line -> assertThat(line).contains(SECRET));
    }

    @Test
    void withTheHeaderLogAtDebugTheJdkTransportSendsInstead() throws Exception {
        track();

        assertThat(messages()).anyMatch(line -> line.contains("pltrack sends with the JDK's HTTP client instead"));
        assertThat(messages()).noneSatisfy(line -> assertThat(line).contains(SECRET));
    }

    private void track() throws Exception {
        try (ScriptedServer server = new ScriptedServer((arrival, out) -> ScriptedServer.ok(out));
                PromptLayerClient client = PromptLayerClient.builder(PromptLayerConfig.builder()
                        .apiKey(SECRET).baseUrl(server.baseUrl()).httpLogging(HttpLogging.FULL).build()).build()) {
            assertThat(client.track(7L, Map.of("k", "v")).requestId()).isEqualTo(7L);
            assertThat(server.arrivals()).singleElement()
                    .satisfies(arrival -> assertThat(arrival.header("X-API-KEY")).isEqualTo(SECRET));
        }
    }

    private List<String> messages() {
        List<String> everything = new ArrayList<>();
        for (ILoggingEvent event : captured.events()) {
            everything.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                everything.add(t.getMessage());
            }
        }
        return everything;
    }
}
