package dev.pltrack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.client.FailureReason;
import dev.pltrack.client.FollowUp;
import dev.pltrack.client.LogRequest;
import dev.pltrack.client.PromptLayerException;
import dev.pltrack.client.PromptLayerResult;
import dev.pltrack.client.ScoreRequest;
import dev.pltrack.client.Submission;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.client.TrackResult;
import dev.pltrack.client.blueprint.ChatMessage;
import dev.pltrack.client.blueprint.PromptBlueprint;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A pending track's states and what each transition answers, one at a time, without an engine. */
class PendingTrackTest {

    private static final PromptLayerException REFUSED = new PromptLayerException(FailureReason.NETWORK, "refused");
    private static final TrackResult DELIVERED = new TrackResult(7, "ok", 1);

    private static PendingTrack track(Map<String, String> metadata) {
        TrackRequest request = TrackRequest.of(7, metadata);
        return new PendingTrack(request, DeliveryKey.of(request), 1_000);
    }

    private static PendingTrack log() {
        LogRequest request = LogRequest.builder("openai", "gpt-4o")
                .input(PromptBlueprint.chat(ChatMessage.user("Hello!")))
                .output(PromptBlueprint.chat(ChatMessage.assistant("Hi!")))
                .times(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:00:01Z"))
                .build();
        return new PendingTrack(request, DeliveryKey.ofLog(1), 1_000, new LogFollowUps(request));
    }

    @Test
    void anUnmergedTrackIsSentAsTheVeryRequestSubmitted() {
        TrackRequest request = TrackRequest.of(7, Map.of("a", "1"));
        PendingTrack pending = new PendingTrack(request, DeliveryKey.of(request), 0);
        assertThat(pending.beginAttempt()).isSameAs(request);
    }

    @Test
    void aWaitingTrackCarriesWhatIsMergedIntoIt() {
        PendingTrack pending = track(Map.of("a", "1", "b", "1"));
        PendingTrack.Merge merge = pending.merge(TrackRequest.of(7, Map.of("b", "2")), null);
        assertThat(merge).isEqualTo(new PendingTrack.Merge.CarriedBy(pending));
        assertThat(((TrackRequest) pending.beginAttempt()).metadata()).containsExactlyInAnyOrderEntriesOf(
                Map.of("a", "1", "b", "2"));
    }

    @Test
    void whileSendingALaterTrackNeedsASuccessorThenTheSuccessorCarriesTheRest() {
        PendingTrack pending = track(Map.of("a", "1"));
        pending.beginAttempt();
        TrackRequest later = TrackRequest.of(7, Map.of("b", "2"));
        assertThat(pending.merge(later, null)).isInstanceOf(PendingTrack.Merge.NeedsSuccessor.class);

        PendingTrack successor = new PendingTrack(later, DeliveryKey.of(later), 2_000);
        assertThat(pending.merge(later, successor)).isEqualTo(new PendingTrack.Merge.CarriedBy(successor));
        assertThat(pending.merge(TrackRequest.of(7, Map.of("c", "3")), null))
                .isEqualTo(new PendingTrack.Merge.CarriedBy(successor));
        assertThat(((TrackRequest) successor.snapshot()).metadata()).containsOnlyKeys("b", "c");
    }

    @Test
    void aFinishedTrackAnswersAlreadyDoneToMergesRetriesHoldsAndAttempts() {
        PendingTrack pending = track(Map.of("a", "1"));
        pending.beginAttempt();
        assertThat(pending.delivered(DELIVERED)).isTrue();

        assertThat(pending.merge(TrackRequest.of(7, Map.of("b", "2")), null))
                .isInstanceOf(PendingTrack.Merge.AlreadyDone.class);
        assertThat(pending.awaitRetry(REFUSED)).isEqualTo(PendingTrack.RetryPreparation.ALREADY_DONE);
        assertThat(pending.holdForOutage(REFUSED)).isEqualTo(PendingTrack.RetryPreparation.ALREADY_DONE);
        assertThat(pending.hold(1)).isFalse();
        assertThat(pending.beginAttempt()).isNull();
        assertThat(pending.delivered(DELIVERED)).isFalse();
        assertThat(pending.failed(REFUSED)).isFalse();
        assertThat(pending.budgetedAttempts()).isEqualTo(1);
    }

    @Test
    void aFailedTrackCannotBeDeliveredAfterwards() {
        PendingTrack pending = track(Map.of("a", "1"));
        assertThat(pending.failed(REFUSED)).isTrue();
        assertThat(pending.delivered(DELIVERED)).isFalse();
        assertThat(pending.observe()).isCompletedExceptionally();
    }

    @Test
    void aRetryWithoutSuccessorIsReadyAndKeepsTheFailure() {
        PendingTrack pending = track(Map.of("a", "1"));
        pending.beginAttempt();
        assertThat(pending.awaitRetry(REFUSED)).isEqualTo(PendingTrack.RetryPreparation.READY);
        assertThat(pending.lastFailure()).isSameAs(REFUSED);
        // Waiting again: mergeable in place.
        assertThat(pending.merge(TrackRequest.of(7, Map.of("b", "2")), null))
                .isEqualTo(new PendingTrack.Merge.CarriedBy(pending));
    }

    @Test
    void aRetryFoldsInTheSuccessorWhoseObserversHearTheHeadsOutcome() {
        PendingTrack pending = track(Map.of("a", "1"));
        pending.beginAttempt();
        TrackRequest later = TrackRequest.of(7, Map.of("b", "2"));
        PendingTrack successor = new PendingTrack(later, DeliveryKey.of(later), 2_000);
        pending.merge(later, successor);
        CompletableFuture<PromptLayerResult> successorsObserver = successor.observe();

        assertThat(pending.awaitRetry(REFUSED)).isEqualTo(PendingTrack.RetryPreparation.READY_WITH_SUCCESSOR_FOLDED);
        assertThat(pending.takeSuccessor()).isNull();
        CompletableFuture<PromptLayerResult> askedAfterTheFold = successor.observe();

        assertThat(((TrackRequest) pending.beginAttempt()).metadata()).containsOnlyKeys("a", "b");
        pending.delivered(DELIVERED);
        pending.completeObservers();
        assertThat(successorsObserver).isCompletedWithValue(DELIVERED);
        assertThat(askedAfterTheFold).isCompletedWithValue(DELIVERED);
    }

    @Test
    void attemptsDuringAnOutageAreNotCountedAgainstTheRetryBudget() {
        PendingTrack pending = track(Map.of("a", "1"));
        pending.beginAttempt();
        assertThat(pending.holdForOutage(REFUSED)).isEqualTo(PendingTrack.RetryPreparation.READY);
        pending.beginAttempt();
        pending.awaitRetry(REFUSED);
        pending.beginAttempt();
        assertThat(pending.attempts()).isEqualTo(3);
        assertThat(pending.budgetedAttempts()).isEqualTo(2);
    }

    @Test
    void olderThanIsStrictlyOlder() {
        PendingTrack pending = track(Map.of("a", "1"));   // submitted at 1,000 ns
        assertThat(pending.olderThan(500, 1_500)).isFalse();
        assertThat(pending.olderThan(500, 1_501)).isTrue();
    }

    @Test
    void aRetryIsDueAfterADeadlineOnlyWhenScheduledStrictlyLater() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
        try {
            PendingTrack pending = track(Map.of("a", "1"));
            assertThat(pending.retryDueAfter(0)).isFalse();   // nothing scheduled
            pending.beginAttempt();
            pending.awaitRetry(REFUSED);
            ScheduledFuture<?> task = timer.schedule(() -> { }, 1, TimeUnit.HOURS);
            pending.retryScheduled(task, 5_000);
            assertThat(pending.retryDueAfter(5_000)).isFalse();
            assertThat(pending.retryDueAfter(4_999)).isTrue();
            assertThat(pending.cancelRetry()).isTrue();
            assertThat(task.isCancelled()).isTrue();
            assertThat(pending.cancelRetry()).isFalse();
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void aLogIsReadyOnlyWhenItsLastHoldEnds() {
        PendingTrack pending = log();
        assertThat(pending.releaseHold()).isFalse();   // no hold taken: nothing to end
        assertThat(pending.hold(2)).isTrue();
        assertThat(pending.releaseHold()).isFalse();
        assertThat(pending.releaseHold()).isTrue();
        assertThat(pending.releaseHold()).isFalse();
    }

    @Test
    void aHoldEndingWhileTheLogIsAlreadyBeingSentDoesNotMakeItReadyAgain() {
        PendingTrack pending = log();
        pending.hold(1);
        pending.beginAttempt();
        assertThat(pending.releaseHold()).isFalse();
    }

    @Test
    void aWaitingLogFoldsInMetadataAndTheDefaultScoreButNotANamedScore() {
        PendingTrack pending = log();
        assertThat(pending.foldIntoLog(new FollowUp.Metadata(Map.of("user", "u-1")))).isTrue();
        assertThat(pending.foldIntoLog(new FollowUp.Score(80, null))).isTrue();
        assertThat(pending.foldIntoLog(new FollowUp.Score(50, "tone"))).isFalse();
        LogRequest sent = (LogRequest) pending.beginAttempt();
        assertThat(sent.metadata()).containsEntry("user", "u-1");
        assertThat(sent.score()).isEqualTo(80);
        assertThat(pending.foldIntoLog(new FollowUp.Metadata(Map.of("late", "x")))).isFalse();
    }

    @Test
    void eachObserverGetsAFutureOfItsOwnAndOneAskingAfterTheEndGetsTheOutcome() {
        PendingTrack pending = track(Map.of("a", "1"));
        CompletableFuture<?> first = pending.observe();
        first.cancel(false);
        pending.beginAttempt();
        pending.delivered(DELIVERED);
        pending.completeObservers();
        assertThat(pending.observe()).isCompletedWithValue(DELIVERED);

        PendingTrack failed = track(Map.of("a", "1"));
        failed.failed(REFUSED);
        failed.completeObservers();   // nobody asked yet: nothing to complete
        assertThat(failed.observe()).isCompletedExceptionally();
    }

    @Test
    void aNewerScoreReplacesTheWaitingOne() {
        ScoreRequest first = ScoreRequest.of(7, 10, "tone");
        PendingTrack pending = new PendingTrack(first, DeliveryKey.of(first), 0);
        pending.merge(ScoreRequest.of(7, 20, "tone"), null);
        Submission sent = pending.beginAttempt();
        assertThat(((ScoreRequest) sent).score()).isEqualTo(20);
    }
}
