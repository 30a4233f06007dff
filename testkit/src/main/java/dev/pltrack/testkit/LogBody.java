package dev.pltrack.testkit;

import static dev.pltrack.testkit.Checks.BODY;
import static dev.pltrack.testkit.Checks.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * What a {@code /log-request} body says, checked against PromptLayer's {@code LogRequest} schema
 * field by field, in the schema's order (which is the order of a 422's {@code detail}).
 *
 * <p>Not checked, because the schema does not say so: that the end time is not before the start
 * time, and that {@code error_type} suits {@code status}.
 */
record LogBody(
        boolean isJsonObject,
        ObjectNode root,
        Map<String, String> metadata,
        String apiKey,
        List<Violation> violations)
        implements ParsedBody {

    static final int MAX_TAG_LENGTH = 512;
    static final int MAX_ERROR_MESSAGE_LENGTH = 1024;
    static final int MAX_SCORE = 100;

    static final List<String> STATUSES = List.of("SUCCESS", "WARNING", "ERROR");

    static final List<String> ERROR_TYPES =
            List.of(
                    "PROVIDER_TIMEOUT",
                    "PROVIDER_QUOTA_LIMIT",
                    "PROVIDER_RATE_LIMIT",
                    "PROVIDER_PARTIAL_RESPONSE",
                    "PROVIDER_AUTH_ERROR",
                    "PROVIDER_ERROR",
                    "TEMPLATE_RENDER_ERROR",
                    "VARIABLE_MISSING_OR_EMPTY",
                    "UNKNOWN_ERROR");

    private static final LogBody NOT_AN_OBJECT = new LogBody(false, null, null, null, List.of());

    static LogBody parse(byte[] body, Canonical canonical) {
        JsonNode parsed = Json.parseOrNull(body);
        if (parsed == null || !parsed.isObject()) {
            return NOT_AN_OBJECT;
        }
        ObjectNode root = (ObjectNode) parsed;
        Checks checks = new Checks();
        checks.text(root, at(BODY, "provider"), Checks.Need.REQUIRED);
        checks.text(root, at(BODY, "model"), Checks.Need.REQUIRED);
        Blueprints.check(root, at(BODY, "input"), checks);
        Blueprints.check(root, at(BODY, "output"), checks);
        checks.dateTime(root, at(BODY, "request_start_time"));
        checks.dateTime(root, at(BODY, "request_end_time"));
        checks.object(root, at(BODY, "parameters"), Checks.Need.OPTIONAL);
        tags(root, checks);
        Map<String, String> metadata =
                root.has("metadata")
                        ? checks.metadata(root, Checks.Need.OPTIONAL, canonical)
                        : Map.of();
        checks.text(root, at(BODY, "prompt_name"), Checks.Need.NULLABLE);
        checks.integer(root, at(BODY, "prompt_id"), Checks.Need.NULLABLE);
        List<Object> versionLoc = at(BODY, "prompt_version_number");
        checks.greaterThan(
                checks.integer(root, versionLoc, Checks.Need.NULLABLE), 0, versionLoc);
        checks.object(root, at(BODY, "prompt_input_variables"), Checks.Need.OPTIONAL);
        notNegativeInteger(root, "input_tokens", checks);
        notNegativeInteger(root, "output_tokens", checks);
        List<Object> priceLoc = at(BODY, "price");
        checks.atLeast(checks.number(root, priceLoc, Checks.Need.OPTIONAL), 0, priceLoc);
        checks.text(root, at(BODY, "function_name"), Checks.Need.OPTIONAL);
        List<Object> scoreLoc = at(BODY, "score");
        checks.atMost(notNegativeInteger(root, "score", checks), MAX_SCORE, scoreLoc);
        checks.text(root, at(BODY, "api_type"), Checks.Need.NULLABLE);
        checks.oneOf(root, at(BODY, "status"), Checks.Need.OPTIONAL, STATUSES);
        checks.oneOf(root, at(BODY, "error_type"), Checks.Need.NULLABLE, ERROR_TYPES);
        checks.textAtMost(
                root,
                at(BODY, "error_message"),
                Checks.Need.NULLABLE,
                MAX_ERROR_MESSAGE_LENGTH);
        return new LogBody(
                true, root, metadata, Checks.apiKey(root, canonical), checks.violations());
    }

    /** 201 with the new id and the status fields, the defaults filled in as PromptLayer does. */
    @Override
    public Answer whenValid(long nextRequestId) {
        String status = root.path("status").isTextual() ? root.get("status").textValue() : "SUCCESS";
        return Answer.accepted(
                201,
                PromptLayerBodies.logged(
                        nextRequestId,
                        status,
                        root.path("error_type").textValue(),
                        root.path("error_message").textValue()));
    }

    @Override
    public RecordedCall record(long sequence, Arrival arrival, Answer answer, long nextRequestId) {
        return new RecordedLog(
                sequence,
                arrival.receivedAt(),
                arrival.rawBody(),
                arrival.headers(),
                answer.accepted() ? nextRequestId : null,
                root,
                metadata,
                apiKey,
                answer.status(),
                answer.accepted());
    }

    private static void tags(JsonNode root, Checks checks) {
        List<Object> loc = at(BODY, "tags");
        JsonNode tags = checks.list(root, loc, Checks.Need.OPTIONAL);
        if (tags != null) {
            for (int i = 0; i < tags.size(); i++) {
                checks.textAtMost(tags.get(i), at(loc, i), MAX_TAG_LENGTH);
            }
        }
    }

    private static Long notNegativeInteger(JsonNode root, String field, Checks checks) {
        List<Object> loc = at(BODY, field);
        return checks.atLeast(checks.integer(root, loc, Checks.Need.OPTIONAL), 0, loc);
    }
}
