package dev.pltrack.client;

import dev.pltrack.client.InvalidTrackRequestException.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * A score for a logged request, for {@code POST /rest/track-score}. A request may have several
 * scores, one per name; a later score of the same name replaces the earlier.
 *
 * @param requestId the request to score (positive)
 * @param score     0 to 100
 * @param name      the score's name; {@value #DEFAULT_NAME} when none is given
 */
public record ScoreRequest(long requestId, int score, String name) implements Submission {

    /** The name PromptLayer gives a score sent without one (and the log request's own {@code score}). */
    public static final String DEFAULT_NAME = "default";

    public ScoreRequest {
        List<Violation> violations = new ArrayList<>();
        TrackRequestValidator.checkRequestId(requestId, violations);
        name = checkScoreAndName(score, name, violations);
        if (!violations.isEmpty()) {
            throw new InvalidTrackRequestException("score", violations);
        }
    }

    /** The score and name rules; answers the name to use ({@value #DEFAULT_NAME} for none). */
    static String checkScoreAndName(int score, String name, List<Violation> violations) {
        LogRequestValidator.score(score, violations);
        if (name == null) {
            return DEFAULT_NAME;
        }
        if (BlankText.isBlank(name)) {
            violations.add(new Violation("name", "must not be blank (leave it out for \"" + DEFAULT_NAME + "\")"));
        }
        return name;
    }

    @Override
    public String subject() {
        return "Score \"" + name + "\" for request " + requestId;
    }

    /** The default score. */
    public static ScoreRequest of(long requestId, int score) {
        return new ScoreRequest(requestId, score, DEFAULT_NAME);
    }

    public static ScoreRequest of(long requestId, int score, String name) {
        return new ScoreRequest(requestId, score, name);
    }

    /** Whether this is the score a log request carries in its own {@code score} field. */
    public boolean isDefault() {
        return DEFAULT_NAME.equals(name);
    }
}
