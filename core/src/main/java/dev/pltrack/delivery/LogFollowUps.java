package dev.pltrack.delivery;

import dev.pltrack.client.FailureReason;
import dev.pltrack.client.FollowUp;
import dev.pltrack.client.LogRequest;
import dev.pltrack.client.PromptLayerException;
import dev.pltrack.client.PromptLayerResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * What is addressed to one log and waits for its request id: metadata (merged, later keys winning),
 * scores (one per name, later winning) and a prompt link (later winning). Each waiting entry holds
 * room in the engine's bound, as a pending track does. The log's end decides their fate, once: logged,
 * they are submitted for the new id; failed, each goes to the dead-letter handler with the reason.
 * Guarded by this object's monitor, which is never held while taking another's.
 */
final class LogFollowUps {

    private enum State { OPEN, LOGGED, FAILED, REFUSED }

    /** One waiting entry: the follow-up with everything merged into it, and its submitters' futures. */
    static final class Waiting {
        private FollowUp followUp;
        private final CompletableFuture<PromptLayerResult> future = new CompletableFuture<>();

        private Waiting(FollowUp followUp) {
            this.followUp = followUp;
        }

        FollowUp followUp() {
            return followUp;
        }

        CompletableFuture<PromptLayerResult> future() {
            return future;
        }
    }

    /** What {@link #offer} did. */
    sealed interface Offer permits Offer.Folded, Offer.Merged, Offer.Added, Offer.NeedsRoom, Offer.Logged,
            Offer.Failed, Offer.Refused {
        /** Folded into the log, which was not sent yet: it travels inside it. */
        record Folded() implements Offer {
        }

        /** Merged into an entry that waits already: {@code future} follows it. */
        record Merged(CompletableFuture<PromptLayerResult> future) implements Offer {
        }

        /** Waits as a new entry, in the room the caller took. */
        record Added(CompletableFuture<PromptLayerResult> future) implements Offer {
        }

        /** It would wait as a new entry: take room and offer again. */
        record NeedsRoom() implements Offer {
        }

        /** The log has its id: submit the follow-up for it. */
        record Logged(long requestId) implements Offer {
        }

        /** The log failed: the follow-up cannot be sent. */
        record Failed(PromptLayerException failure) implements Offer {
        }

        /** The log was refused (never accepted): so is the follow-up, for the same reason. */
        record Refused(FailureReason reason) implements Offer {
        }
    }

    private static final Offer FOLDED = new Offer.Folded();
    private static final Offer NEEDS_ROOM = new Offer.NeedsRoom();

    private final LogRequest log;
    /** Where a follow-up waits: one slot per kind, scores one per name. */
    private record Slot(Class<? extends FollowUp> kind, String name) {
    }

    private final Map<Slot, Waiting> waiting = new LinkedHashMap<>();
    private State state = State.OPEN;
    private long loggedId;
    private PromptLayerException failure;
    private FailureReason refusal;

    LogFollowUps(LogRequest log) {
        this.log = log;
    }

    LogRequest log() {
        return log;
    }

    /**
     * Folds {@code followUp} into the log while it waits to be sent, else adds it to what waits for
     * the id (merging it into an entry of the same kind and name), or says why neither.
     *
     * @param logPending the log's pending track
     * @param haveRoom   whether the caller holds room for a new entry
     */
    synchronized Offer offer(FollowUp followUp, PendingTrack logPending, boolean haveRoom) {
        switch (state) {
            case LOGGED:
                return new Offer.Logged(loggedId);
            case FAILED:
                return new Offer.Failed(failure);
            case REFUSED:
                return new Offer.Refused(refusal);
            default:
                break;
        }
        Slot slot = slotOf(followUp);
        Waiting existing = waiting.get(slot);
        // Folding only when nothing of its kind waits already: an older value waiting for the id
        // would be sent after the log and overwrite the newer one folded into it.
        if (existing == null && logPending.foldIntoLog(followUp)) {
            return FOLDED;
        }
        if (existing != null) {
            existing.followUp = merged(existing.followUp, followUp);
            return new Offer.Merged(existing.future.copy());
        }
        if (!haveRoom) {
            return NEEDS_ROOM;
        }
        Waiting added = new Waiting(followUp);
        waiting.put(slot, added);
        return new Offer.Added(added.future.copy());
    }

    /** Metadata merge into one entry, scores by name, a prompt link into one. */
    private static Slot slotOf(FollowUp followUp) {
        return new Slot(followUp.getClass(), followUp instanceof FollowUp.Score score ? score.name() : null);
    }

    private static FollowUp merged(FollowUp older, FollowUp newer) {
        if (older instanceof FollowUp.Metadata before && newer instanceof FollowUp.Metadata after) {
            Map<String, String> metadata = new LinkedHashMap<>(before.metadata());
            metadata.putAll(after.metadata());
            return new FollowUp.Metadata(metadata);
        }
        return newer;
    }

    /** The log has its id: what waited, to be submitted for it (each entry still holds its room). */
    synchronized List<Waiting> logged(long id) {
        state = State.LOGGED;
        loggedId = id;
        return drain();
    }

    /** The log failed: what waited, to be given up (each entry still holds its room). */
    synchronized List<Waiting> failed(PromptLayerException reason) {
        state = State.FAILED;
        failure = reason;
        return drain();
    }

    /** The log was never accepted: follow-ups are refused for the same reason. */
    synchronized void refused(FailureReason reason) {
        state = State.REFUSED;
        refusal = reason;
    }

    private List<Waiting> drain() {
        List<Waiting> drained = new ArrayList<>(waiting.values());
        waiting.clear();
        return drained;
    }

    synchronized OptionalLong loggedId() {
        return state == State.LOGGED ? OptionalLong.of(loggedId) : OptionalLong.empty();
    }

    @Override
    public synchronized String toString() {
        return log.subject() + ", " + state.name().toLowerCase(java.util.Locale.ROOT)
                + (state == State.LOGGED ? " as request " + loggedId : "") + ", " + waiting.size() + " waiting";
    }
}
