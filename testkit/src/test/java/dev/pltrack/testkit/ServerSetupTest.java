package dev.pltrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Starting, configuring and stopping a fake without the JUnit extension. */
class ServerSetupTest {

    @Test
    void startsOnAFreeLoopbackPortWithTheDefaultKey() {
        try (FakePromptLayer fake = FakePromptLayer.start()) {
            assertThat(fake.port()).isPositive();
            assertThat(fake.baseUrl()).isEqualTo("http://127.0.0.1:" + fake.port());
            assertThat(fake.apiKey()).isEqualTo(FakePromptLayer.DEFAULT_API_KEY);
            assertThat(new TrackClient(fake).track(1, Map.of("a", "b")).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void listensOnlyOn127001() {
        try (FakePromptLayer fake = FakePromptLayer.start()) {
            // On Linux all of 127/8 reaches this host; a server bound to every address would
            // answer.
            assertThatThrownBy(() -> connect("127.0.0.2", fake.port()))
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(() -> connect("::1", fake.port())).isInstanceOf(IOException.class);
        }
    }

    @Test
    void takesAFixedPortAndAnotherKey() throws IOException {
        int port = freePort();
        try (FakePromptLayer fake =
                FakePromptLayer.builder()
                        .port(port)
                        .apiKey("pl_other_key_5678")
                        .containerThreads(10)
                        .start()) {
            assertThat(fake.port()).isEqualTo(port);
            assertThat(new TrackClient(fake).track(1, Map.of()).statusCode()).isEqualTo(200);
            assertThat(
                            new TrackClient(fake.baseUrl(), FakePromptLayer.DEFAULT_API_KEY)
                                    .track(1, Map.of())
                                    .statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void saysWhichPortItCouldNotTake() throws IOException {
        try (ServerSocket taken =
                new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> FakePromptLayer.builder().port(taken.getLocalPort()).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void rejectsNonsenseOptions() {
        FakePromptLayer.Builder builder = FakePromptLayer.builder();
        assertThatThrownBy(() -> builder.port(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.port(65_536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.apiKey(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.apiKey("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.containerThreads(2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closingStopsTheServerButKeepsTheRecordings() {
        FakePromptLayer fake = FakePromptLayer.start();
        new TrackClient(fake).track(1, Map.of("a", "b"));

        fake.close();
        fake.close();

        assertThatThrownBy(() -> connect("127.0.0.1", fake.port())).isInstanceOf(IOException.class);
        assertThat(fake.metadataFor(1)).isEqualTo(Map.of("a", "b"));
    }

    @Test
    void theConsoleVersionPrintsHowToUseItAndEachAcceptedTrack() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (FakePromptLayer fake = FakePromptLayer.startPrinting(0, out)) {
            new TrackClient(fake).track(42, Map.of("user_id", "u1"));
            new TrackClient(fake).post("not json");
            new TrackClient(fake).postWithKey(Endpoint.LOG_REQUEST, Bodies.log());

            String printed = bytes.toString(StandardCharsets.UTF_8);
            assertThat(printed)
                    .contains("Fake PromptLayer listening on " + fake.baseUrl())
                    .contains("API key: " + FakePromptLayer.DEFAULT_API_KEY)
                    .contains("curl -i -X POST " + fake.baseUrl() + FakePromptLayer.TRACK_PATH)
                    .contains("Log a call: curl -i -X POST " + fake.baseUrl() + "/log-request")
                    .contains("#1 -> 200 accepted, request_id=42, metadata={user_id=u1}")
                    .doesNotContain("#2")
                    .contains("#3 -> 201 accepted, log-request id=1");
        }
    }

    @Test
    void thePrintedSampleLogIsAValidLog() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (FakePromptLayer fake = FakePromptLayer.startPrinting(0, out)) {
            String printed = bytes.toString(StandardCharsets.UTF_8);
            String logLine = printed.substring(printed.indexOf("Log a call:"));
            String sample = logLine.substring(logLine.indexOf("-d '") + 4, logLine.lastIndexOf('\''));

            assertThat(new TrackClient(fake).postWithKey(Endpoint.LOG_REQUEST, sample).statusCode())
                    .isEqualTo(201);
        }
    }

    private static void connect(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
