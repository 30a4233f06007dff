package dev.pltrack.testkit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One-line summaries of recordings for failure messages and the console. They show what a test
 * author needs to see (order, status, ids, metadata, scores) and never a key.
 */
final class CallReport {

    /** Enough to see a pattern, short enough to read in a failure message. */
    private static final int MAX_LINES = 20;

    private static final int MAX_VALUE_LENGTH = 60;

    private static final String NOT_A_STRING = "<missing or not a string>";

    private CallReport() {}

    /**
     * E.g. {@code #3 -> 200 accepted, request_id=42, metadata={user=u1}} for a track, {@code #1 ->
     * 201 accepted, log-request id=1, provider=openai, model=gpt-4o, metadata={}} for a log.
     */
    static String summary(RecordedCall call) {
        String start = "#" + call.sequence() + " -> " + outcome(call) + ", ";
        if (call instanceof RecordedLog log) {
            return start
                    + "log-request"
                    + (log.requestId() == null ? "" : " id=" + log.requestId())
                    + ", provider="
                    + shownText(log.provider())
                    + ", model="
                    + shownText(log.model())
                    + ", metadata="
                    + shownMetadata(log.metadata());
        }
        if (call instanceof RecordedScore score) {
            return start
                    + "track-score "
                    + shownId(score.requestId())
                    + ", name="
                    + shownText(score.name())
                    + ", score="
                    + (score.score() == null ? "<missing or not an integer>" : score.score());
        }
        if (call instanceof RecordedPromptLink link) {
            return start
                    + "track-prompt "
                    + shownId(link.requestId())
                    + ", prompt_name="
                    + shownText(link.promptName())
                    + (link.version() == null ? "" : ", version=" + shorten(link.version()))
                    + (link.label() == null ? "" : ", label=" + shorten(link.label()));
        }
        RecordedTrack track = (RecordedTrack) call;
        return start + shownId(track.requestId()) + ", metadata=" + shownMetadata(track.metadata());
    }

    /** A count and the most recent summaries, one per line. */
    static String describe(List<? extends RecordedCall> received) {
        if (received.isEmpty()) {
            return "Nothing was received.";
        }
        long accepted = received.stream().filter(RecordedCall::accepted).count();
        StringBuilder text =
                new StringBuilder()
                        .append(received.size())
                        .append(" request(s) received, ")
                        .append(accepted)
                        .append(" accepted");
        int first = Math.max(0, received.size() - MAX_LINES);
        text.append(first > 0 ? " (the last " + MAX_LINES + " shown):" : ":");
        for (RecordedCall call : received.subList(first, received.size())) {
            text.append(System.lineSeparator()).append("  ").append(summary(call));
        }
        return text.toString();
    }

    /** What one call to the endpoint is called in messages: "track", "log", ... */
    static String noun(Endpoint endpoint) {
        switch (endpoint) {
            case LOG_REQUEST:
                return "log";
            case TRACK_SCORE:
                return "score";
            case TRACK_PROMPT:
                return "prompt link";
            default:
                return "track";
        }
    }

    /** Metadata in key order, so that messages are stable from run to run. */
    static Map<String, String> sorted(Map<String, String> metadata) {
        return metadata == null ? null : new TreeMap<>(metadata);
    }

    private static String outcome(RecordedCall call) {
        if (call.responseStatus() < 0) {
            return "connection dropped";
        }
        return call.responseStatus() + (call.accepted() ? " accepted" : " not accepted");
    }

    private static String shownId(Long requestId) {
        return "request_id=" + (requestId == null ? "<missing or not an integer>" : requestId);
    }

    private static String shownText(String text) {
        return text == null ? NOT_A_STRING : shorten(text);
    }

    private static String shownMetadata(Map<String, String> metadata) {
        if (metadata == null) {
            return "<missing or not strings>";
        }
        Map<String, String> shown = new TreeMap<>();
        metadata.forEach((key, value) -> shown.put(shorten(key), shorten(value)));
        return shown.toString();
    }

    private static String shorten(String text) {
        return text.length() <= MAX_VALUE_LENGTH
                ? text
                : text.substring(0, MAX_VALUE_LENGTH) + "...";
    }
}
