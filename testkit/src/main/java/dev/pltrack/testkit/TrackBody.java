package dev.pltrack.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a track request's body says, read once: the fields the fake records and every way the body
 * breaks the endpoint's schema.
 */
record TrackBody(
        boolean isJsonObject,
        Long requestId,
        Map<String, String> metadata,
        String apiKey,
        List<Violation> violations) {

    /**
     * PromptLayer's limit on metadata keys, counted in characters (code points) like Python does.
     */
    static final int MAX_KEY_LENGTH = 1024;

    private static final TrackBody NOT_AN_OBJECT =
            new TrackBody(false, null, null, null, List.of());

    /** One entry of a FastAPI-style 422 {@code detail} list. */
    record Violation(List<String> loc, String msg, String type) {}

    static TrackBody parse(byte[] body, Canonical canonical) {
        JsonNode root = Json.parseOrNull(body);
        if (root == null || !root.isObject()) {
            return NOT_AN_OBJECT;
        }
        List<Violation> violations = new ArrayList<>(0);
        Long requestId = readRequestId(root.get("request_id"), violations);
        Map<String, String> metadata = readMetadata(root.get("metadata"), violations, canonical);
        JsonNode apiKey = root.get("api_key");
        String key = apiKey != null && apiKey.isTextual() ? canonical.of(apiKey.textValue()) : null;
        return new TrackBody(true, requestId, metadata, key, List.copyOf(violations));
    }

    /** The id when it is a JSON integer that fits a long (even if not positive), else null. */
    private static Long readRequestId(JsonNode node, List<Violation> violations) {
        List<String> loc = List.of("body", "request_id");
        if (node == null) {
            violations.add(new Violation(loc, "Field required", "missing"));
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            violations.add(new Violation(loc, "Input should be a valid integer", "int_type"));
            return null;
        }
        long id = node.longValue();
        if (id <= 0) {
            violations.add(new Violation(loc, "Input should be greater than 0", "greater_than"));
        }
        return id;
    }

    /** The metadata when it is an object of strings (even with too long keys), else null. */
    private static Map<String, String> readMetadata(
            JsonNode node, List<Violation> violations, Canonical canonical) {
        if (node == null) {
            violations.add(new Violation(List.of("body", "metadata"), "Field required", "missing"));
            return null;
        }
        if (!node.isObject()) {
            violations.add(
                    new Violation(
                            List.of("body", "metadata"),
                            "Input should be a valid dictionary",
                            "dict_type"));
            return null;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        boolean allStrings = true;
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            List<String> loc = List.of("body", "metadata", key);
            if (key.codePointCount(0, key.length()) > MAX_KEY_LENGTH) {
                violations.add(
                        new Violation(
                                loc,
                                "String should have at most " + MAX_KEY_LENGTH + " characters",
                                "string_too_long"));
            }
            if (field.getValue().isTextual()) {
                metadata.put(canonical.of(key), field.getValue().textValue());
            } else {
                allStrings = false;
                violations.add(new Violation(loc, "Input should be a valid string", "string_type"));
            }
        }
        return allStrings ? metadata : null;
    }
}
