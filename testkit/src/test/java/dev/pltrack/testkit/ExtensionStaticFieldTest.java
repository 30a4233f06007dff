package dev.pltrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

/** The usual set-up: one server for the class, reset before each test. Tests run in order. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionStaticFieldTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private static FakePromptLayer firstServer;

    @Test
    @Order(1)
    void firstTestLeavesRecordingsFaultsAndADelayBehind() {
        firstServer = promptLayer.server();
        TrackClient client = new TrackClient(promptLayer.baseUrl(), promptLayer.apiKey());

        assertThat(client.track(1, Map.of("a", "b")).statusCode()).isEqualTo(200);
        promptLayer.server().failNext(5, Fault.status(503));
        promptLayer.server().respondSlowly(Duration.ofSeconds(5));

        assertThat(promptLayer.server().received()).hasSize(1);
    }

    @Test
    @Order(2)
    void secondTestGetsTheSameServerWithNothingLeft() {
        assertThat(promptLayer.server()).isSameAs(firstServer);
        assertThat(promptLayer.server().received()).isEmpty();

        long start = System.nanoTime();
        int status = new TrackClient(promptLayer.server()).track(2, Map.of("a", "b")).statusCode();

        assertThat(status).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(promptLayer.server().received())
                .singleElement()
                .extracting(RecordedTrack::sequence)
                .isEqualTo(1L);
    }

    @Test
    @Order(3)
    void delegatesBaseUrlAndKey() {
        assertThat(promptLayer.baseUrl())
                .isEqualTo(promptLayer.server().baseUrl())
                .matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(promptLayer.apiKey()).isEqualTo(FakePromptLayer.DEFAULT_API_KEY);
        assertThat(promptLayer.server().apiKey()).isEqualTo(FakePromptLayer.DEFAULT_API_KEY);
    }
}
