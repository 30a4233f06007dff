package dev.pltrack.client;

/** What PromptLayer answered to a delivered submission: a track's result, or a logged call's new id. */
public sealed interface PromptLayerResult permits TrackResult, LoggedRequest {

    /** The request the submission was for, or (for a log) the request it created. */
    long requestId();

    /** How many attempts it took (1 when the first succeeded). */
    int attempts();
}
