package dev.pltrack.client;

/**
 * One thing to send to PromptLayer, validated: metadata for a request ({@link TrackRequest}), an LLM
 * call to log ({@link LogRequest}), a score ({@link ScoreRequest}), a prompt link
 * ({@link PromptLinkRequest}), or one of the last three's kinds waiting on a log whose id is not
 * known yet ({@link AwaitingLog}). Dead letters and delivery listeners report these.
 */
public sealed interface Submission permits TrackRequest, LogRequest, ScoreRequest, PromptLinkRequest, AwaitingLog {

    /**
     * What a log line may show: the kind, the request and the keys, never a metadata value, a
     * prompt or a completion (they may be personal data).
     */
    default String summary() {
        return subject();
    }

    /** What it is and for which request, e.g. {@code Track for request 42}: the start of a message. */
    String subject();
}
