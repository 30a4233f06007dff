package dev.pltrack.client;

import dev.pltrack.client.InvalidTrackRequestException.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules a track must keep before it is sent, from PromptLayer's documentation and official
 * SDKs: a positive request id, at least one metadata entry, keys non-blank and at most
 * {@value MetadataKeys#MAX_LENGTH} characters, values strings. Every violation is reported, not only the
 * first.
 */
final class TrackRequestValidator {

    private static final int SHOWN_KEY_LENGTH = 40;

    private TrackRequestValidator() {
    }

    static void validate(long requestId, Map<?, ?> metadata) {
        List<Violation> violations = new ArrayList<>();
        checkRequestId(requestId, violations);
        if (metadata == null) {
            violations.add(new Violation("metadata", "must not be null"));
        } else if (metadata.isEmpty()) {
            violations.add(new Violation("metadata", "must contain at least one entry"));
        } else {
            checkEntries(metadata, violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidTrackRequestException(violations);
        }
    }

    /** PromptLayer's request ids are positive: the rule of every submission addressed to one. */
    static void checkRequestId(long requestId, List<Violation> violations) {
        if (requestId <= 0) {
            violations.add(new Violation("request_id", "must be a positive integer (was " + requestId + ")"));
        }
    }

    /** The metadata rules for each entry (a log request's metadata follows them too). */
    static void checkEntries(Map<?, ?> metadata, List<Violation> violations) {
        metadata.forEach((key, value) -> checkEntry(key, value, violations));
    }

    private static void checkEntry(Object key, Object value, List<Violation> violations) {
        if (key == null) {
            violations.add(new Violation("metadata", "keys must not be null"));
            return;
        }
        if (!(key instanceof String text)) {
            violations.add(new Violation("metadata", "keys must be strings (found a " + key.getClass().getName() + ")"));
            return;
        }
        String field = fieldName(text);
        String keyRule = MetadataKeys.ruleBroken(text);
        if (keyRule != null) {
            violations.add(new Violation(field, "key " + keyRule));
        }
        if (value == null) {
            violations.add(new Violation(field, "must not be null (leave the key out instead)"));
        } else if (!(value instanceof String)) {
            violations.add(new Violation(field, "must be a string, PromptLayer accepts no other type (was a "
                    + value.getClass().getName() + "; Metadata.builder() converts values to text)"));
        }
    }

    /** {@code metadata["key"]}, with a long key shortened so that messages stay readable. */
    static String fieldName(String key) {
        String shown = key.length() <= SHOWN_KEY_LENGTH ? key : key.substring(0, SHOWN_KEY_LENGTH) + "...";
        return "metadata[\"" + shown + "\"]";
    }
}
