package dev.pltrack.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What PromptLayer would hold after the accepted calls: request logs under the ids the fake gave
 * them, and per id the metadata, scores and prompt links that tracks added.
 *
 * <p>Tracks for an id the fake never logged are kept like any other: the fake cannot know ids that
 * a real PromptLayer or another fake gave out. Not thread-safe: {@link Ledger} guards it.
 */
final class RequestStore {

    private final long firstId;
    private long nextId;

    /** Accepted calls per request id, in arrival order, logs and tracks together. */
    private final Map<Long, List<RecordedCall>> callsById = new LinkedHashMap<>();

    private final Map<Long, RecordedLog> logsById = new LinkedHashMap<>();

    /** Ids with an accepted track-metadata, in order of the first. */
    private final Set<Long> trackedIds = new LinkedHashSet<>();

    RequestStore(long firstId) {
        this.firstId = firstId;
        this.nextId = firstId;
    }

    /** The id the next stored log gets. */
    long nextId() {
        return nextId;
    }

    /** Keeps an accepted call; a log takes {@link #nextId()}. */
    void keep(RecordedCall call) {
        long id = call.requestId();
        callsById.computeIfAbsent(id, unused -> new ArrayList<>(2)).add(call);
        if (call instanceof RecordedLog log) {
            logsById.put(id, log);
            nextId = id + 1;
        } else if (call instanceof RecordedTrack) {
            trackedIds.add(id);
        }
    }

    /** The log's metadata, then every track's, in arrival order: later values win key by key. */
    Map<String, String> metadataFor(long id) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (RecordedCall call : callsFor(id)) {
            if (call instanceof RecordedLog log) {
                merged.putAll(log.metadata());
            } else if (call instanceof RecordedTrack track) {
                merged.putAll(track.metadata());
            }
        }
        return Collections.unmodifiableMap(merged);
    }

    /**
     * Score name to score, later scores of a name winning. A log that sent {@code score} set the
     * {@code default} score, as a track-score without a name does.
     */
    Map<String, Integer> scoresFor(long id) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (RecordedCall call : callsFor(id)) {
            if (call instanceof RecordedLog log && log.score() != null) {
                scores.put(ScoreBody.DEFAULT_NAME, log.score().intValue());
            } else if (call instanceof RecordedScore score) {
                scores.put(score.name(), score.score());
            }
        }
        return Collections.unmodifiableMap(scores);
    }

    /** The latest accepted prompt link for the id, or null. */
    RecordedPromptLink promptLinkFor(long id) {
        RecordedPromptLink latest = null;
        for (RecordedCall call : callsFor(id)) {
            if (call instanceof RecordedPromptLink link) {
                latest = link;
            }
        }
        return latest;
    }

    /** The log with everything added to it, or null when the fake logged no request with the id. */
    RequestLog loggedRequest(long id) {
        RecordedLog log = logsById.get(id);
        return log == null
                ? null
                : new RequestLog(id, log, metadataFor(id), scoresFor(id), promptLinkFor(id));
    }

    Set<Long> trackedIds() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(trackedIds));
    }

    Set<Long> loggedIds() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(logsById.keySet()));
    }

    /** Forgets everything; ids start again at the first. */
    RequestStore emptied() {
        return new RequestStore(firstId);
    }

    private List<RecordedCall> callsFor(long id) {
        return callsById.getOrDefault(id, List.of());
    }
}
