package dev.pltrack.testkit;

import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.MapAssert;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Assertions on what a {@link FakePromptLayer} accepted. They check the state PromptLayer would
 * hold (merged metadata per request id), and on failure say what arrived instead. Obtain one from
 * {@link PromptLayerAssertions#assertThat(FakePromptLayer)}.
 */
public final class FakePromptLayerAssert
        extends AbstractAssert<FakePromptLayerAssert, FakePromptLayer> {

    FakePromptLayerAssert(FakePromptLayer actual) {
        super(actual, FakePromptLayerAssert.class);
    }

    /** Exactly {@code count} tracks were accepted. */
    public FakePromptLayerAssert hasAcceptedTracks(int count) {
        isNotNull();
        List<RecordedTrack> received = actual.received();
        long accepted = received.stream().filter(RecordedTrack::accepted).count();
        if (accepted != count) {
            failWithMessage(
                    "Expected the fake PromptLayer to have accepted %d track(s) but it accepted %d.%n%s",
                    count, accepted, TrackReport.describe(received));
        }
        return this;
    }

    /** Not a single request reached the track endpoint, not even a rejected one. */
    public FakePromptLayerAssert hasReceivedNothing() {
        isNotNull();
        List<RecordedTrack> received = actual.received();
        if (!received.isEmpty()) {
            failWithMessage(
                    "Expected the fake PromptLayer to have received nothing but it received %d"
                            + " request(s).%n%s",
                    received.size(), TrackReport.describe(received));
        }
        return this;
    }

    /** The merged metadata of {@code requestId} is exactly {@code expectedMetadata}. */
    public FakePromptLayerAssert hasTracked(long requestId, Map<String, String> expectedMetadata) {
        isNotNull();
        Objects.requireNonNull(expectedMetadata, "expectedMetadata");
        if (!actual.trackedRequestIds().contains(requestId)) {
            failWithMessage(
                    "Expected request_id %d to be tracked with %s but no track for it was accepted."
                            + " Tracked ids: %s.%n%s",
                    requestId,
                    TrackReport.sorted(expectedMetadata),
                    new TreeSet<>(actual.trackedRequestIds()),
                    TrackReport.describe(actual.received()));
        }
        Map<String, String> merged = actual.metadataFor(requestId);
        if (!merged.equals(expectedMetadata)) {
            failWithMessage(
                    "Expected request_id %d to be tracked with exactly%n  %s%nbut its merged metadata is%n "
                            + " %s%n%s%nAccepted tracks for it, merged in this order:%n%s",
                    requestId,
                    TrackReport.sorted(expectedMetadata),
                    TrackReport.sorted(merged),
                    differences(expectedMetadata, merged),
                    tracksFor(requestId));
        }
        return this;
    }

    /** No track for {@code requestId} was accepted. */
    public FakePromptLayerAssert hasNotTracked(long requestId) {
        isNotNull();
        List<RecordedTrack> tracks =
                actual.accepted().stream()
                        .filter(track -> Objects.equals(track.requestId(), requestId))
                        .toList();
        if (!tracks.isEmpty()) {
            failWithMessage(
                    "Expected request_id %d not to be tracked but %d track(s) for it were accepted,"
                            + " merged metadata %s:%n%s",
                    requestId,
                    tracks.size(),
                    TrackReport.sorted(actual.metadataFor(requestId)),
                    tracksFor(requestId));
        }
        return this;
    }

    /** AssertJ map assertions on the merged metadata of {@code requestId} (empty if untracked). */
    public MapAssert<String, String> metadataFor(long requestId) {
        isNotNull();
        return Assertions.assertThat(actual.metadataFor(requestId))
                .as("merged metadata of request_id %d at the fake PromptLayer", requestId);
    }

    private String tracksFor(long requestId) {
        StringBuilder lines = new StringBuilder();
        for (RecordedTrack track : actual.accepted()) {
            if (Objects.equals(track.requestId(), requestId)) {
                lines.append("  ")
                        .append(TrackReport.summary(track))
                        .append(System.lineSeparator());
            }
        }
        return lines.toString().stripTrailing();
    }

    private static String differences(Map<String, String> expected, Map<String, String> actual) {
        TreeSet<String> missing = new TreeSet<>();
        TreeSet<String> unexpected = new TreeSet<>();
        TreeSet<String> different = new TreeSet<>();
        expected.forEach(
                (key, value) -> {
                    if (!actual.containsKey(key)) {
                        missing.add(key);
                    } else if (!actual.get(key).equals(value)) {
                        different.add(key);
                    }
                });
        actual.keySet().stream().filter(key -> !expected.containsKey(key)).forEach(unexpected::add);
        StringBuilder text = new StringBuilder();
        if (!missing.isEmpty()) {
            text.append("missing keys: ").append(missing).append("; ");
        }
        if (!unexpected.isEmpty()) {
            text.append("unexpected keys: ").append(unexpected).append("; ");
        }
        if (!different.isEmpty()) {
            text.append("different values for: ").append(different).append("; ");
        }
        return text.toString().replaceAll("; $", "");
    }
}
