package dev.pltrack.testkit;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

class PromptLayerAssertionsTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private final FakePromptLayer fake = promptLayer.server();
    private final TrackClient client = new TrackClient(fake);

    @Test
    void passWhenTheFakeHoldsWhatIsExpected() {
        client.track(1, Map.of("a", "1", "b", "1"));
        client.track(1, Map.of("b", "2"));
        new TrackClient(fake.baseUrl(), "pl_wrong_key_000").track(2, Map.of("a", "1"));

        assertThat(fake)
                .hasAcceptedTracks(2)
                .hasTracked(1, Map.of("a", "1", "b", "2"))
                .hasNotTracked(2)
                .hasNotTracked(3);
        assertThat(fake).metadataFor(1).containsEntry("b", "2").hasSize(2);
        assertThat(fake).metadataFor(3).isEmpty();
    }

    @Test
    void hasReceivedNothingPassesOnAFreshServer() {
        assertThat(fake).hasReceivedNothing().hasAcceptedTracks(0);
    }

    @Test
    void hasAcceptedTracksSaysHowManyAndWhatArrived() {
        client.track(1, Map.of("a", "1"));
        client.post("not json");

        assertThatThrownBy(() -> assertThat(fake).hasAcceptedTracks(2))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "Expected the fake PromptLayer to have accepted 2 track(s) but it accepted 1")
                .hasMessageContaining("2 request(s) received, 1 accepted")
                .hasMessageContaining("#1 -> 200 accepted, request_id=1, metadata={a=1}")
                .hasMessageContaining(
                        "#2 -> 400 not accepted, request_id=<missing or not an integer>");
    }

    @Test
    void hasReceivedNothingListsWhatArrived() {
        new TrackClient(fake.baseUrl(), "pl_wrong_key_000").track(4, Map.of("a", "1"));

        assertThatThrownBy(() -> assertThat(fake).hasReceivedNothing())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "Expected the fake PromptLayer to have received nothing but it received 1 request(s)")
                .hasMessageContaining("#1 -> 401 not accepted, request_id=4");
    }

    @Test
    void hasTrackedShowsTheDifferenceAndTheTracksMerged() {
        client.track(1, Map.of("a", "1", "c", "1"));
        client.track(1, Map.of("a", "2"));

        assertThatThrownBy(() -> assertThat(fake).hasTracked(1, Map.of("a", "1", "b", "1")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected request_id 1 to be tracked with exactly")
                .hasMessageContaining("{a=1, b=1}")
                .hasMessageContaining("but its merged metadata is")
                .hasMessageContaining("{a=2, c=1}")
                .hasMessageContaining(
                        "missing keys: [b]; unexpected keys: [c]; different values for: [a]")
                .hasMessageContaining("#1 -> 200 accepted, request_id=1, metadata={a=1, c=1}")
                .hasMessageContaining("#2 -> 200 accepted, request_id=1, metadata={a=2}");
    }

    @Test
    void hasTrackedSaysWhenTheIdWasNeverTracked() {
        client.track(1, Map.of("a", "1"));
        client.post("{\"request_id\": 2, \"metadata\": {\"a\": 1}}", "X-API-KEY", fake.apiKey());

        assertThatThrownBy(() -> assertThat(fake).hasTracked(2, Map.of("a", "1")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "Expected request_id 2 to be tracked with {a=1} but no track for it was accepted")
                .hasMessageContaining("Tracked ids: [1]")
                .hasMessageContaining(
                        "#2 -> 422 not accepted, request_id=2, metadata=<missing or not strings>");
    }

    @Test
    void anEmptyTrackCountsAsTracked() {
        client.track(1, Map.of());

        assertThat(fake).hasTracked(1, Map.of());
        assertThatThrownBy(() -> assertThat(fake).hasNotTracked(1))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void hasNotTrackedShowsWhatWasStored() {
        client.track(7, Map.of("a", "1"));

        assertThatThrownBy(() -> assertThat(fake).hasNotTracked(7))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "Expected request_id 7 not to be tracked but 1 track(s) for it were accepted")
                .hasMessageContaining("merged metadata {a=1}")
                .hasMessageContaining("#1 -> 200 accepted, request_id=7");
    }

    @Test
    void metadataForNamesTheRequestInItsFailures() {
        client.track(9, Map.of("a", "1"));

        assertThatThrownBy(() -> assertThat(fake).metadataFor(9).containsEntry("a", "2"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("[merged metadata of request_id 9 at the fake PromptLayer]");
    }

    @Test
    void aNullFakeFailsClearly() {
        assertThatThrownBy(() -> assertThat((FakePromptLayer) null).hasAcceptedTracks(0))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting actual not to be null");
    }
}
