package dev.pltrack.delivery;

import dev.pltrack.client.LoggedRequest;
import dev.pltrack.client.TrackResult;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * A log submitted to {@link DeliveryEngine#log}, whose request id PromptLayer has not given yet.
 * Metadata, scores and prompt links may be addressed to it at once ({@link DeliveryEngine#track(LogHandle,
 * java.util.Map)}, {@link DeliveryEngine#score(LogHandle, int, String)},
 * {@link DeliveryEngine#linkPrompt(LogHandle, dev.pltrack.client.FollowUp.PromptLink)}): what comes
 * before the log is sent travels inside it; the rest goes out once the id is known.
 */
public final class LogHandle {

    final LogFollowUps followUps;
    /** The log's pending track; {@code null} when the log was refused. */
    final PendingTrack pending;
    private final DeliveryEngine engine;
    private final CompletableFuture<LoggedRequest> logged;

    LogHandle(DeliveryEngine engine, LogFollowUps followUps, PendingTrack pending,
            CompletableFuture<LoggedRequest> logged) {
        this.engine = engine;
        this.followUps = followUps;
        this.pending = pending;
        this.logged = logged;
    }

    /** {@link DeliveryEngine#track(LogHandle, Map)} on the engine that took the log. */
    public CompletableFuture<TrackResult> track(Map<String, String> metadata) {
        return engine.track(this, metadata);
    }

    /**
     * Ends a hold taken by a {@link dev.pltrack.TrackingContext.LogRecorder} that answered true: once
     * every hold has ended, the log is ready to send. Call once per hold.
     */
    public void release() {
        engine.release(this);
    }

    /** {@link DeliveryEngine#score(LogHandle, int, String)} on the engine that took the log. */
    public CompletableFuture<TrackResult> score(int score, String name) {
        return engine.score(this, score, name);
    }

    /**
     * Completes with the new request id once PromptLayer logged the call, or exceptionally with the
     * {@link dev.pltrack.client.PromptLayerException} that ended it (as {@link DeliveryEngine#track}'s
     * futures do). Each call answers a future of its own.
     */
    public CompletableFuture<LoggedRequest> logged() {
        return logged.copy();
    }

    /** The request id, if PromptLayer has logged the call already. */
    public OptionalLong requestId() {
        return followUps.loggedId();
    }

    @Override
    public String toString() {
        return "LogHandle{" + followUps + "}";
    }
}
