package dev.pltrack.testkit;

import static dev.pltrack.testkit.Checks.BODY;
import static dev.pltrack.testkit.Checks.at;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * What a {@code /rest/track-score} body says: {@code request_id} a positive integer, {@code score}
 * an integer from 0 to 100, {@code name} an optional string ({@value #DEFAULT_NAME} when left out or
 * null).
 */
record ScoreBody(
        boolean isJsonObject,
        Long requestId,
        Integer score,
        String name,
        String apiKey,
        List<Violation> violations)
        implements ParsedBody {

    /** The name PromptLayer gives a score sent without one. */
    static final String DEFAULT_NAME = "default";

    private static final ScoreBody NOT_AN_OBJECT =
            new ScoreBody(false, null, null, null, null, List.of());

    static ScoreBody parse(byte[] body, Canonical canonical) {
        JsonNode root = Json.parseOrNull(body);
        if (root == null || !root.isObject()) {
            return NOT_AN_OBJECT;
        }
        Checks checks = new Checks();
        Long requestId = checks.requestId(root);
        List<Object> scoreLoc = at(BODY, "score");
        Long score = checks.integer(root, scoreLoc, Checks.Need.REQUIRED);
        checks.atMost(checks.atLeast(score, 0, scoreLoc), LogBody.MAX_SCORE, scoreLoc);
        JsonNode sentName = root.get("name");
        String name =
                sentName == null || sentName.isNull()
                        ? DEFAULT_NAME
                        : checks.text(root, at(BODY, "name"), Checks.Need.NULLABLE);
        return new ScoreBody(
                true,
                requestId,
                score != null && score == score.intValue() ? score.intValue() : null,
                name == null ? null : canonical.of(name),
                Checks.apiKey(root, canonical),
                checks.violations());
    }

    @Override
    public Answer whenValid(long nextRequestId) {
        return Answer.accepted(200, PromptLayerBodies.SCORE_TRACKED);
    }

    @Override
    public RecordedCall record(long sequence, Arrival arrival, Answer answer, long nextRequestId) {
        return new RecordedScore(
                sequence,
                arrival.receivedAt(),
                arrival.rawBody(),
                arrival.headers(),
                requestId,
                name,
                score,
                apiKey,
                answer.status(),
                answer.accepted());
    }
}
