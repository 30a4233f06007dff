package dev.pltrack.client;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A track request broke one or more rules and was not sent. Each {@link Violation} names the field
 * ({@code request_id}, {@code metadata}, {@code metadata["key"]}) and the rule it broke.
 */
public class InvalidTrackRequestException extends PromptLayerException {

    /** A message stays readable: ten thousand null values must not make a 600 KB message. */
    static final int MAX_SHOWN_VIOLATIONS = 10;

    private final List<Violation> violations;

    public InvalidTrackRequestException(List<Violation> violations) {
        super(FailureReason.INVALID_REQUEST, describe(violations));
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

    private static String describe(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid request has at least one violation");
        }
        String shown = violations.stream().limit(MAX_SHOWN_VIOLATIONS).map(Violation::toString)
                .collect(Collectors.joining("; "));
        int more = violations.size() - MAX_SHOWN_VIOLATIONS;
        return "Invalid track request: " + shown
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
