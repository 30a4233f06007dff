package dev.pltrack.client;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request to PromptLayer (a track, a log, a score, a prompt link) broke one or more rules and was
 * not sent. Each {@link Violation} names the field ({@code request_id}, {@code metadata["key"]},
 * {@code input.messages[2].content}) and the rule it broke.
 */
public class InvalidTrackRequestException extends PromptLayerException {

    /** A message stays readable: ten thousand null values must not make a 600 KB message. */
    static final int MAX_SHOWN_VIOLATIONS = 10;

    private final List<Violation> violations;

    public InvalidTrackRequestException(List<Violation> violations) {
        this("track", violations);
    }

    /** @param subject what was refused, e.g. {@code "log"}: the message starts "Invalid log request" */
    public InvalidTrackRequestException(String subject, List<Violation> violations) {
        super(FailureReason.INVALID_REQUEST, describe(subject, violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** The field of the first violation, for callers that handle one at a time. */
    public String field() {
        return violations.get(0).field();
    }

    /** The rule of the first violation. */
    public String rule() {
        return violations.get(0).rule();
    }

    private static String describe(String subject, List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid request has at least one violation");
        }
        String shown = violations.stream().limit(MAX_SHOWN_VIOLATIONS).map(Violation::toString)
                .collect(Collectors.joining("; "));
        int more = violations.size() - MAX_SHOWN_VIOLATIONS;
        return "Invalid " + subject + " request: " + shown
                + (more > 0 ? "; and " + more + " more (see violations())" : "");
    }

    /** One broken rule: {@code field} is where, {@code rule} says what it must be. */
    public record Violation(String field, String rule) {
        @Override
        public String toString() {
            return field + " " + rule;
        }
    }
}
