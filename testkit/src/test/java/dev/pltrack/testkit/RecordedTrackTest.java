package dev.pltrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

class RecordedTrackTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    @Test
    void looksUpHeadersIgnoringCase() {
        RecordedTrack track = track(Map.of("X-Api-Key", List.of("k1", "k2"), "Empty", List.of()));

        assertThat(track.header("x-api-key")).isEqualTo("k1");
        assertThat(track.header("X-API-KEY")).isEqualTo("k1");
        assertThat(track.header("Empty")).isNull();
        assertThat(track.header("Missing")).isNull();
    }

    @Test
    void copiesWhatItIsGivenSoItNeverChanges() {
        List<String> values = new ArrayList<>(List.of("v"));
        Map<String, List<String>> headers = new HashMap<>(Map.of("H", values));
        Map<String, String> metadata = new HashMap<>(Map.of("a", "1"));
        RecordedTrack track =
                new RecordedTrack(1, Instant.now(), "{}", headers, 1L, metadata, null, 200, true);

        values.add("w");
        headers.put("Other", List.of("x"));
        metadata.put("b", "2");

        assertThat(track.headers()).isEqualTo(Map.of("H", List.of("v")));
        assertThat(track.metadata()).isEqualTo(Map.of("a", "1"));
        assertThatThrownBy(() -> track.headers().get("H").add("z"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void sharesRepeatedHeaderValuesAcrossRecordingsToStaySmall() {
        TrackClient client = new TrackClient(promptLayer.server());
        client.track(1, Map.of("user_id", "a"));
        client.track(2, Map.of("user_id", "b"));

        List<RecordedTrack> tracks = promptLayer.server().received();
        assertThat(tracks.get(1).headers().get("X-API-KEY"))
                .isSameAs(tracks.get(0).headers().get("X-API-KEY"));
        assertThat(tracks.get(1).apiKeyInBody()).isSameAs(tracks.get(0).apiKeyInBody());
    }

    private static RecordedTrack track(Map<String, List<String>> headers) {
        return new RecordedTrack(1, Instant.now(), "{}", headers, 1L, Map.of(), null, 200, true);
    }
}
