package dev.pltrack.client;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import dev.pltrack.testkit.Fault;
import dev.pltrack.testkit.RecordedTrack;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What goes over the wire: the exact body and headers PromptLayer receives, and how answers are read. */
class PromptLayerClientWireTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    @Test
    void sendsTheDocumentedBodyByteForByte() {
        FakePromptLayer fake = promptLayer.server();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("session_id", "abc123");
        metadata.put("user_id", "user123");

        TrackResult result = FakeBackedClients.clientFor(fake).track(42L, metadata);

        RecordedTrack received = fake.awaitAccepted(1, java.time.Duration.ofSeconds(5)).get(0);
        assertThat(received.rawBody()).isEqualTo(
                "{\"api_key\":\"" + fake.apiKey() + "\",\"request_id\":42,"
                        + "\"metadata\":{\"session_id\":\"abc123\",\"user_id\":\"user123\"}}");
        assertThat(result).isEqualTo(new TrackResult(42L, "Metadata tracked successfully", 1));
    }

    @Test
    void sendsKeyHeaderUserAgentAndJsonContentType() {
        FakePromptLayer fake = promptLayer.server();

        FakeBackedClients.clientFor(fake).track(7L, Map.of("feature", "chat"));

        RecordedTrack received = fake.received().get(0);
        assertThat(received.header("X-API-KEY")).isEqualTo(fake.apiKey());
        assertThat(received.header("Content-Type")).startsWith("application/json");
        assertThat(received.header("Accept")).isEqualTo("application/json");
        assertThat(received.header("User-Agent")).isEqualTo("pltrack-java/" + PltrackVersion.get());
        assertThat(PltrackVersion.get()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void userAgentPrefixComesBeforePltracksOwnToken() {
        FakePromptLayer fake = promptLayer.server();
        PromptLayerClient client = PromptLayerClient.builder(FakeBackedClients.configFor(fake).build())
                .userAgentPrefix("my-app/1.2")
                .build();

        client.track(7L, Map.of("feature", "chat"));

        assertThat(fake.received().get(0).header("User-Agent"))
                .isEqualTo("my-app/1.2 pltrack-java/" + PltrackVersion.get());
    }

    @Test
    void keepsMetadataOrderAndEscapesText() {
        FakePromptLayer fake = promptLayer.server();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("z", "last \"quoted\"");
        metadata.put("a", "ünïcödé\nline");

        FakeBackedClients.clientFor(fake).track(9L, metadata);

        assertThat(fake.received().get(0).rawBody()).endsWith(
                "\"metadata\":{\"z\":\"last \\\"quoted\\\"\",\"a\":\"ünïcödé\\nline\"}}");
    }

    @Test
    void tracksForOneRequestMergeOnTheServerLaterValuesWinning() {
        FakePromptLayer fake = promptLayer.server();
        PromptLayerClient client = FakeBackedClients.clientFor(fake);

        client.track(5L, Map.of("user_id", "u1", "step", "start"));
        client.track(5L, Map.of("step", "done"));

        assertThat(fake).hasTracked(5L, Map.of("user_id", "u1", "step", "done"));
    }

    @Test
    void convertsTypedValuesThroughTheMetadataBuilder() {
        FakePromptLayer fake = promptLayer.server();
        UUID session = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

        FakeBackedClients.clientFor(fake).track(11L, Metadata.builder()
                .put("session_id", session)
                .put("tokens", 1234)
                .put("cached", true)
                .put("unused", null)
                .build());

        assertThat(fake).hasTracked(11L, Map.of(
                "session_id", session.toString(), "tokens", "1234", "cached", "true"));
    }

    @Test
    void acceptsTheOlderAnswerWithoutMessage() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.status(200, "{\"success\":true}"));

        TrackResult result = FakeBackedClients.clientFor(fake).track(3L, Map.of("k", "v"));

        assertThat(result.message()).isEmpty();
        assertThat(result.attempts()).isEqualTo(1);
    }

    @Test
    void baseUrlMayCarryAPathPrefix() {
        FakePromptLayer fake = promptLayer.server();
        PromptLayerClient client = PromptLayerClient.create(FakeBackedClients.configFor(fake)
                .baseUrl(fake.baseUrl() + "/")
                .build());

        client.track(4L, Map.of("k", "v"));

        assertThat(fake).hasAcceptedTracks(1);
    }
}
