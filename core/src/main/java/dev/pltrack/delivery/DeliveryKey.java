package dev.pltrack.delivery;

import dev.pltrack.client.PromptLinkRequest;
import dev.pltrack.client.ScoreRequest;
import dev.pltrack.client.Submission;
import dev.pltrack.client.TrackRequest;

/**
 * What submissions coalesce by: metadata per request id, scores per request id and name, prompt
 * links per request id. Each log is its own key ({@code id} is the engine's number for it): two logs
 * are two calls, never merged.
 */
record DeliveryKey(Kind kind, long id, String name) {

    enum Kind { TRACK, SCORE, PROMPT_LINK, LOG }

    /** The key of a submission sent by itself (not a log: {@link #ofLog}). */
    static DeliveryKey of(Submission submission) {
        if (submission instanceof TrackRequest track) {
            return new DeliveryKey(Kind.TRACK, track.requestId(), null);
        }
        if (submission instanceof ScoreRequest score) {
            return new DeliveryKey(Kind.SCORE, score.requestId(), score.name());
        }
        if (submission instanceof PromptLinkRequest link) {
            return new DeliveryKey(Kind.PROMPT_LINK, link.requestId(), null);
        }
        throw new IllegalArgumentException("has no key of its own: " + submission.subject());
    }

    /** The key of the engine's {@code number}th log. */
    static DeliveryKey ofLog(long number) {
        return new DeliveryKey(Kind.LOG, number, null);
    }
}
