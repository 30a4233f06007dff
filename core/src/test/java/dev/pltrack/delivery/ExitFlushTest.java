package dev.pltrack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.sockets.ScriptedServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A plain-Java program that returns from {@code main} without closing the engine: its pending
 * tracks are delivered at JVM exit, or handed to the dead-letter handler, never lost silently. Each
 * case runs a real child JVM.
 */
class ExitFlushTest {

    @Test
    void tracksPendingWhenMainReturnsAreDeliveredAtExit() throws Exception {
        try (ScriptedServer server = new ScriptedServer((arrival, out) -> ScriptedServer.ok(out))) {
            String output = runChild(server.baseUrl(), "true");
            assertThat(server.arrivals()).as(output).hasSize(3);
            assertThat(output).contains("3 PromptLayer tracks pending and the engine not closed");
        }
    }

    @Test
    void whatCannotBeDeliveredAtExitReachesTheDeadLetterHandler() throws Exception {
        String output = runChild(SilentServer.refusingBaseUrl(), "true");
        assertThat(output).contains("DEAD 1", "DEAD 2", "DEAD 3");
    }

    @Test
    void withCloseOnExitOffNothingIsSentAtExit() throws Exception {
        try (ScriptedServer server = new ScriptedServer((arrival, out) -> ScriptedServer.ok(out))) {
            runChild(server.baseUrl(), "false");
            assertThat(server.arrivals()).isEmpty();
        }
    }

    private static String runChild(String baseUrl, String closeOnExit) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-cp", classpath,
                ExitingProgram.class.getName(), baseUrl, closeOnExit))
                .redirectErrorStream(true)
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child exited").isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(output).isZero();
        return output;
    }

    /** Tracks three calls and returns from main; a linger of 10 minutes keeps them pending until exit. */
    public static final class ExitingProgram {
        public static void main(String[] args) {
            PromptLayerClient client = PromptLayerClient.create(PromptLayerConfig.builder()
                    .apiKey("pl_exit_key").baseUrl(args[0])
                    .retryPolicy(new RetryPolicy(2, Duration.ofMillis(50), Duration.ofMillis(50)))
                    .build());
            DeliveryEngine engine = DeliveryEngine.builder(client)
                    .config(DeliveryConfig.builder().linger(Duration.ofMinutes(10))
                            .shutdownTimeout(Duration.ofSeconds(5))
                            .closeOnExit(Boolean.parseBoolean(args[1])).build())
                    .deadLetterHandler(letter -> System.out.println("DEAD " + ((TrackRequest) letter.submission()).requestId()))
                    .build();
            for (long id = 1; id <= 3; id++) {
                engine.offer(TrackRequest.of(id, Map.of("k", "v")));
            }
            System.out.println("main returns");
        }
    }
}
