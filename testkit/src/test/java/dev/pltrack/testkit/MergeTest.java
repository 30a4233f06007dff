package dev.pltrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

class MergeTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private final FakePromptLayer fake = promptLayer.server();
    private final TrackClient client = new TrackClient(fake);

    @Test
    void mergesTracksOfOneRequestInArrivalOrderLaterValuesWinning() {
        client.track(5, Map.of("a", "1", "b", "1"));
        client.track(6, Map.of("a", "other"));
        client.track(5, Map.of("b", "2", "c", "2"));
        client.track(5, Map.of("c", "3"));

        assertThat(fake.metadataFor(5)).isEqualTo(Map.of("a", "1", "b", "2", "c", "3"));
        assertThat(fake.metadataFor(6)).isEqualTo(Map.of("a", "other"));
        assertThat(fake.trackedRequestIds()).containsExactly(5L, 6L);
        assertThat(fake.acceptedCount()).isEqualTo(4);
        assertThat(fake.accepted())
                .extracting(RecordedTrack::sequence)
                .containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void rejectedAndFaultedTracksDoNotChangeTheStoredMetadata() {
        client.track(5, Map.of("a", "1"));
        new TrackClient(fake.baseUrl(), "pl_wrong_key_000").track(5, Map.of("a", "unauthorised"));
        client.post("{\"request_id\": 5, \"metadata\": {\"a\": 2}}", "X-API-KEY", fake.apiKey());
        fake.failNext(1, Fault.status(503));
        client.track(5, Map.of("a", "lost to a 503"));
        client.track(7, Map.of("a", "kept"));
        fake.failNext(1, Fault.successFalse("no"));
        client.track(8, Map.of("a", "success false"));

        assertThat(fake.metadataFor(5)).isEqualTo(Map.of("a", "1"));
        assertThat(fake.metadataFor(8)).isEmpty();
        assertThat(fake.trackedRequestIds()).containsExactly(5L, 7L);
        assertThat(fake.received()).hasSize(6);
        assertThat(fake.accepted()).extracting(RecordedTrack::requestId).containsExactly(5L, 7L);
    }

    @Test
    void anUntrackedIdHasAnEmptyMapAndResultsCannotBeModified() {
        client.track(1, Map.of("a", "1"));

        assertThat(fake.metadataFor(99)).isEmpty();
        assertThatThrownBy(() -> fake.metadataFor(1).put("b", "2"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fake.received().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fake.trackedRequestIds().add(3L))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fake.accepted().get(0).metadata().put("b", "2"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void listsAreSnapshotsThatLaterRequestsDoNotChange() {
        client.track(1, Map.of("a", "1"));
        var before = fake.received();

        client.track(2, Map.of("a", "2"));

        assertThat(before).hasSize(1);
        assertThat(fake.received()).hasSize(2);
    }

    @Test
    void resetForgetsEverythingAndNumbersFromOneAgain() {
        client.track(1, Map.of("a", "1"));
        fake.failNext(3, Fault.status(500));
        fake.respondSlowly(Duration.ofSeconds(5));

        fake.reset();

        assertThat(fake.received()).isEmpty();
        assertThat(fake.accepted()).isEmpty();
        assertThat(fake.trackedRequestIds()).isEmpty();
        assertThat(fake.metadataFor(1)).isEmpty();
        long start = System.nanoTime();
        assertThat(client.track(2, Map.of("b", "2")).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(fake.received())
                .singleElement()
                .extracting(RecordedTrack::sequence)
                .isEqualTo(1L);
    }
}
