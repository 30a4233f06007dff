package dev.pltrack.testkit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One-line summaries of recordings for failure messages and the console. They show what a test
 * author needs to see (order, status, id, metadata) and never a key.
 */
final class TrackReport {

    /** Enough to see a pattern, short enough to read in a failure message. */
    private static final int MAX_LINES = 20;

    private static final int MAX_VALUE_LENGTH = 60;

    private TrackReport() {}

    /** E.g. {@code #3 -> 200 accepted, request_id=42, metadata={user=u1}}. */
    static String summary(RecordedTrack track) {
        return "#"
                + track.sequence()
                + " -> "
                + outcome(track)
                + ", request_id="
                + (track.requestId() == null ? "<missing or not an integer>" : track.requestId())
                + ", metadata="
                + (track.metadata() == null
                        ? "<missing or not strings>"
                        : shortened(track.metadata()));
    }

    /** A count and the most recent summaries, one per line. */
    static String describe(List<RecordedTrack> received) {
        if (received.isEmpty()) {
            return "Nothing was received.";
        }
        long accepted = received.stream().filter(RecordedTrack::accepted).count();
        StringBuilder text =
                new StringBuilder()
                        .append(received.size())
                        .append(" request(s) received, ")
                        .append(accepted)
                        .append(" accepted");
        int first = Math.max(0, received.size() - MAX_LINES);
        text.append(first > 0 ? " (the last " + MAX_LINES + " shown):" : ":");
        for (RecordedTrack track : received.subList(first, received.size())) {
            text.append(System.lineSeparator()).append("  ").append(summary(track));
        }
        return text.toString();
    }

    /** Metadata in key order, so that messages are stable from run to run. */
    static Map<String, String> sorted(Map<String, String> metadata) {
        return metadata == null ? null : new TreeMap<>(metadata);
    }

    private static String outcome(RecordedTrack track) {
        if (track.responseStatus() < 0) {
            return "connection dropped";
        }
        return track.responseStatus() + (track.accepted() ? " accepted" : " not accepted");
    }

    private static Map<String, String> shortened(Map<String, String> metadata) {
        Map<String, String> shown = new TreeMap<>();
        metadata.forEach((key, value) -> shown.put(shorten(key), shorten(value)));
        return shown;
    }

    private static String shorten(String text) {
        return text.length() <= MAX_VALUE_LENGTH
                ? text
                : text.substring(0, MAX_VALUE_LENGTH) + "...";
    }
}
