package dev.pltrack.client;

import dev.pltrack.client.InvalidTrackRequestException.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Links a logged request to a version of a prompt template, for {@code POST /rest/track-prompt}:
 * by version number, by release label, or (neither) the template's latest version.
 *
 * @param requestId      the logged request (positive)
 * @param promptName     the template's name
 * @param inputVariables the values the template was rendered with (JSON values), possibly empty
 * @param version        the template's version number, or {@code null}
 * @param label          a release label (e.g. {@code prod}) naming the version, or {@code null}
 */
public record PromptLinkRequest(long requestId, String promptName, Map<String, Object> inputVariables,
        Integer version, String label) implements Submission {

    public PromptLinkRequest {
        List<Violation> violations = new ArrayList<>();
        TrackRequestValidator.checkRequestId(requestId, violations);
        checkLink(promptName, inputVariables, version, label, violations);
        if (!violations.isEmpty()) {
            throw new InvalidTrackRequestException("prompt link", violations);
        }
        inputVariables = Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(inputVariables, "inputVariables")));
    }

    /** The rules of a link other than the request id's. */
    static void checkLink(String promptName, Map<String, Object> inputVariables, Integer version, String label,
            List<Violation> violations) {
        if (BlankText.isBlank(promptName)) {
            violations.add(new Violation("prompt_name", "is required and must not be blank"));
        }
        if (version != null && version <= 0) {
            violations.add(new Violation("version", "must be positive (was " + version + ")"));
        }
        if (label != null && BlankText.isBlank(label)) {
            violations.add(new Violation("label", "must not be blank (leave it out instead)"));
        }
        if (inputVariables != null) {
            LogRequestValidator.jsonValues("prompt_input_variables", inputVariables, violations);
        }
        if (version != null && label != null) {
            violations.add(new Violation("version", "and label name a version each: give one or the other"));
        }
    }

    @Override
    public String subject() {
        return "Prompt link \"" + promptName + "\" for request " + requestId;
    }

    /** The template's version {@code version}. */
    public static PromptLinkRequest ofVersion(long requestId, String promptName, Map<String, ?> inputVariables,
            int version) {
        return new PromptLinkRequest(requestId, promptName, copy(inputVariables), version, null);
    }

    /** The version the release label {@code label} points at. */
    public static PromptLinkRequest ofLabel(long requestId, String promptName, Map<String, ?> inputVariables,
            String label) {
        return new PromptLinkRequest(requestId, promptName, copy(inputVariables), null, label);
    }

    /** The template's latest version. */
    public static PromptLinkRequest ofLatest(long requestId, String promptName, Map<String, ?> inputVariables) {
        return new PromptLinkRequest(requestId, promptName, copy(inputVariables), null, null);
    }

    private static Map<String, Object> copy(Map<String, ?> values) {
        return new LinkedHashMap<>(Objects.requireNonNull(values, "inputVariables"));
    }

}
