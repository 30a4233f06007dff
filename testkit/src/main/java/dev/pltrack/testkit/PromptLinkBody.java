package dev.pltrack.testkit;

import static dev.pltrack.testkit.Checks.BODY;
import static dev.pltrack.testkit.Checks.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What a {@code /rest/track-prompt} body says: {@code request_id} a positive integer, {@code
 * prompt_name} a required string, {@code prompt_input_variables} an optional object, {@code
 * version} an optional integer or string, {@code label} an optional string. The schema lets both
 * a version and a label be sent, so the fake does too.
 */
record PromptLinkBody(
        boolean isJsonObject,
        Long requestId,
        String promptName,
        ObjectNode promptInputVariables,
        String version,
        String label,
        String apiKey,
        List<Violation> violations)
        implements ParsedBody {

    private static final PromptLinkBody NOT_AN_OBJECT =
            new PromptLinkBody(false, null, null, null, null, null, null, List.of());

    static PromptLinkBody parse(byte[] body, Canonical canonical) {
        JsonNode root = Json.parseOrNull(body);
        if (root == null || !root.isObject()) {
            return NOT_AN_OBJECT;
        }
        Checks checks = new Checks();
        String promptName = checks.text(root, at(BODY, "prompt_name"), Checks.Need.REQUIRED);
        JsonNode variables =
                checks.object(root, at(BODY, "prompt_input_variables"), Checks.Need.OPTIONAL);
        Long requestId = checks.requestId(root);
        String version = version(root, checks);
        String label = checks.text(root, at(BODY, "label"), Checks.Need.NULLABLE);
        return new PromptLinkBody(
                true,
                requestId,
                promptName,
                variables == null ? null : (ObjectNode) variables,
                version,
                label,
                Checks.apiKey(root, canonical),
                checks.violations());
    }

    /**
     * The version as text: {@code 2} gives "2", {@code "v2"} gives "v2". A value that is neither an
     * integer nor a string violates both alternatives, and pydantic reports both.
     */
    private static String version(JsonNode root, Checks checks) {
        List<Object> loc = at(BODY, "version");
        JsonNode version = checks.field(root, loc, Checks.Need.NULLABLE);
        if (version == null) {
            return null;
        }
        if (version.isTextual()) {
            return version.textValue();
        }
        if (version.isIntegralNumber() && version.canConvertToLong()) {
            return String.valueOf(version.longValue());
        }
        checks.add(at(loc, "int"), "Input should be a valid integer", "int_type");
        checks.add(at(loc, "str"), "Input should be a valid string", "string_type");
        return null;
    }

    @Override
    public Answer whenValid(long nextRequestId) {
        return Answer.accepted(200, PromptLayerBodies.PROMPT_TRACKED);
    }

    @Override
    public RecordedCall record(long sequence, Arrival arrival, Answer answer, long nextRequestId) {
        return new RecordedPromptLink(
                sequence,
                arrival.receivedAt(),
                arrival.rawBody(),
                arrival.headers(),
                requestId,
                promptName,
                promptInputVariables,
                version,
                label,
                apiKey,
                answer.status(),
                answer.accepted());
    }
}
