package dev.pltrack.testkit;

import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.MapAssert;
import org.assertj.core.api.ObjectAssert;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Assertions on what a {@link FakePromptLayer} accepted. They check the state PromptLayer would
 * hold (request logs, merged metadata, scores and prompt links per request id), and on failure say
 * what arrived instead. Obtain one from {@link PromptLayerAssertions#assertThat(FakePromptLayer)}.
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
                    count, accepted, CallReport.describe(actual.calls()));
        }
        return this;
    }

    /**
     * Not a single request reached the track-metadata endpoint, not even a rejected one. Says
     * nothing of the other endpoints: for those, {@code assertThat(fake.calls()).isEmpty()}.
     */
    public FakePromptLayerAssert hasReceivedNothing() {
        isNotNull();
        List<RecordedTrack> received = actual.received();
        if (!received.isEmpty()) {
            failWithMessage(
                    "Expected the fake PromptLayer to have received nothing but it received %d"
                            + " request(s).%n%s",
                    received.size(), CallReport.describe(received));
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
                    CallReport.sorted(expectedMetadata),
                    new TreeSet<>(actual.trackedRequestIds()),
                    CallReport.describe(actual.received()));
        }
        return hasMergedMetadata(requestId, expectedMetadata, "to be tracked with");
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
                    CallReport.sorted(actual.metadataFor(requestId)),
                    mergedFrom(requestId));
        }
        return this;
    }

    /** Exactly {@code count} logs were answered 201 with an id. */
    public FakePromptLayerAssert hasLoggedRequests(int count) {
        isNotNull();
        int logged = actual.acceptedCount(Endpoint.LOG_REQUEST);
        if (logged != count) {
            failWithMessage(
                    "Expected the fake PromptLayer to have logged %d request(s) but it logged %d.%n%s",
                    count, logged, CallReport.describe(actual.calls()));
        }
        return this;
    }

    /**
     * The fake logged a request with {@code requestId}; AssertJ assertions on what it holds for it
     * (the log, merged metadata, scores, prompt link) follow.
     */
    public ObjectAssert<RequestLog> loggedRequest(long requestId) {
        isNotNull();
        Optional<RequestLog> log = actual.loggedRequest(requestId);
        if (log.isEmpty()) {
            failWithMessage(
                    "Expected a request logged with id %d but the fake gave out the ids %s.%n%s",
                    requestId, actual.loggedRequestIds(), CallReport.describe(actual.calls()));
        }
        return Assertions.assertThat(log.get())
                .as("request log %d at the fake PromptLayer", requestId);
    }

    /**
     * The metadata PromptLayer holds for {@code requestId}, from its log and its tracks merged, is
     * exactly {@code expectedMetadata}.
     */
    public FakePromptLayerAssert hasMetadata(long requestId, Map<String, String> expectedMetadata) {
        isNotNull();
        Objects.requireNonNull(expectedMetadata, "expectedMetadata");
        if (mergedFrom(requestId).isEmpty()) {
            failWithMessage(
                    "Expected request_id %d to hold metadata %s but it was neither logged nor"
                            + " tracked.%n%s",
                    requestId,
                    CallReport.sorted(expectedMetadata),
                    CallReport.describe(actual.calls()));
        }
        return hasMergedMetadata(requestId, expectedMetadata, "to hold");
    }

    /** The score named {@code name} of {@code requestId} is {@code score}, after later ones won. */
    public FakePromptLayerAssert hasScore(long requestId, String name, int score) {
        isNotNull();
        Objects.requireNonNull(name, "name");
        Map<String, Integer> scores = actual.scoresFor(requestId);
        if (!Objects.equals(scores.get(name), score)) {
            failWithMessage(
                    "Expected request_id %d to have the score %s=%d but its scores are %s.%n%s",
                    requestId, name, score, scores, CallReport.describe(actual.calls()));
        }
        return this;
    }

    /** The latest prompt link of {@code requestId} names {@code promptName}. */
    public FakePromptLayerAssert hasPromptLink(long requestId, String promptName) {
        isNotNull();
        Objects.requireNonNull(promptName, "promptName");
        Optional<RecordedPromptLink> link = actual.promptLinkFor(requestId);
        if (link.isEmpty() || !promptName.equals(link.get().promptName())) {
            failWithMessage(
                    "Expected request_id %d to be linked to the prompt %s but it is %s.%n%s",
                    requestId,
                    promptName,
                    link.map(RecordedPromptLink::promptName)
                            .map(name -> "linked to " + name)
                            .orElse("linked to none"),
                    CallReport.describe(actual.calls()));
        }
        return this;
    }

    /** AssertJ map assertions on the merged metadata of {@code requestId} (empty if untracked). */
    public MapAssert<String, String> metadataFor(long requestId) {
        isNotNull();
        return Assertions.assertThat(actual.metadataFor(requestId))
                .as("merged metadata of request_id %d at the fake PromptLayer", requestId);
    }

    /** The merged metadata is exactly {@code expected}, else a failure showing what was merged. */
    private FakePromptLayerAssert hasMergedMetadata(
            long requestId, Map<String, String> expected, String expectation) {
        Map<String, String> merged = actual.metadataFor(requestId);
        if (!merged.equals(expected)) {
            failWithMessage(
                    "Expected request_id %d %s exactly%n  %s%nbut its merged metadata is%n "
                            + " %s%n%s%nMerged from, in this order:%n%s",
                    requestId,
                    expectation,
                    CallReport.sorted(expected),
                    CallReport.sorted(merged),
                    differences(expected, merged),
                    mergedFrom(requestId));
        }
        return this;
    }

    /** The accepted log and tracks whose metadata make up the merged metadata, one per line. */
    private String mergedFrom(long requestId) {
        StringBuilder lines = new StringBuilder();
        for (RecordedCall call : actual.calls()) {
            boolean contributes =
                    call instanceof RecordedTrack || call instanceof RecordedLog;
            if (contributes && call.accepted() && Objects.equals(call.requestId(), requestId)) {
                lines.append("  ").append(CallReport.summary(call)).append(System.lineSeparator());
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
