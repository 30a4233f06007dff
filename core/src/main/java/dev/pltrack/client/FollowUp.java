package dev.pltrack.client;

import dev.pltrack.client.InvalidTrackRequestException.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Something for a logged call that is addressed to the log rather than to a request id, because the
 * id is not known yet: metadata, a score or a prompt link. Validated when built, like the submission
 * it becomes once the id is known ({@link #addressedTo}).
 */
public sealed interface FollowUp permits FollowUp.Metadata, FollowUp.Score, FollowUp.PromptLink {

    /** The submission for the log's request id, once known. */
    Submission addressedTo(long requestId);

    /** What a log line may show, as {@link Submission#summary()}. */
    String summary();

    /** Metadata for the logged call; several merge, later keys winning. */
    record Metadata(Map<String, String> metadata) implements FollowUp {
        public Metadata {
            List<Violation> violations = new ArrayList<>();
            if (metadata == null) {
                violations.add(new Violation("metadata", "must not be null"));
            } else if (metadata.isEmpty()) {
                violations.add(new Violation("metadata", "must contain at least one entry"));
            } else {
                TrackRequestValidator.checkEntries(metadata, violations);
            }
            if (!violations.isEmpty()) {
                throw new InvalidTrackRequestException(violations);
            }
            metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }

        @Override
        public TrackRequest addressedTo(long requestId) {
            return TrackRequest.of(requestId, metadata);
        }

        @Override
        public String summary() {
            return "metadata, keys " + metadata.keySet();
        }
    }

    /** A score for the logged call; a later score of the same name replaces it. */
    record Score(int score, String name) implements FollowUp {
        public Score {
            List<Violation> violations = new ArrayList<>();
            name = ScoreRequest.checkScoreAndName(score, name, violations);
            if (!violations.isEmpty()) {
                throw new InvalidTrackRequestException("score", violations);
            }
        }

        /** Whether this is the score a log request carries in its own {@code score} field. */
        public boolean isDefault() {
            return ScoreRequest.DEFAULT_NAME.equals(name);
        }

        @Override
        public ScoreRequest addressedTo(long requestId) {
            return new ScoreRequest(requestId, score, name);
        }

        @Override
        public String summary() {
            return "score \"" + name + "\"";
        }
    }

    /** A prompt template version for the logged call: by number, by label, or the latest. */
    record PromptLink(String promptName, Map<String, Object> inputVariables, Integer version, String label)
            implements FollowUp {
        public PromptLink {
            List<Violation> violations = new ArrayList<>();
            PromptLinkRequest.checkLink(promptName, inputVariables, version, label, violations);
            if (!violations.isEmpty()) {
                throw new InvalidTrackRequestException("prompt link", violations);
            }
            inputVariables = Collections.unmodifiableMap(new LinkedHashMap<>(
                    Objects.requireNonNull(inputVariables, "inputVariables")));
        }

        @Override
        public PromptLinkRequest addressedTo(long requestId) {
            return new PromptLinkRequest(requestId, promptName, inputVariables, version, label);
        }

        @Override
        public String summary() {
            return "prompt link \"" + promptName + "\"";
        }
    }
}
