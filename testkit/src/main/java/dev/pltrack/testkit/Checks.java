package dev.pltrack.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a request body field by field the way PromptLayer's FastAPI server validates it: a field
 * that breaks the schema adds a {@link Violation} at its loc and reading goes on, so that a 422
 * lists every problem. Each reader returns the value when it is valid, else null. Messages and
 * types are pydantic's. One instance per body; not thread-safe.
 */
final class Checks {

    /** FastAPI puts every violation of the request body under {@code "body"}. */
    static final List<Object> BODY = List.of("body");

    /**
     * PromptLayer's limit on metadata keys, counted in characters (code points) like Python does.
     */
    static final int MAX_METADATA_KEY_LENGTH = 1024;

    /** Whether a field must be there, and whether JSON {@code null} counts as leaving it out. */
    enum Need {
        REQUIRED,
        OPTIONAL,
        /** Optional, and {@code null} is allowed too (the schema's {@code anyOf [..., null]}). */
        NULLABLE
    }

    private final List<Violation> violations = new ArrayList<>(0);

    /** {@code loc} followed by {@code more}. */
    static List<Object> at(List<Object> loc, Object... more) {
        List<Object> longer = new ArrayList<>(loc.size() + more.length);
        longer.addAll(loc);
        longer.addAll(List.of(more));
        return longer;
    }

    void add(List<Object> loc, String msg, String type) {
        violations.add(new Violation(loc, msg, type));
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    /**
     * The value of the field that {@code loc} ends with, to check further; null when there is
     * nothing to check: absent (a violation if required) or an allowed {@code null}. A forbidden
     * {@code null} is returned as a node, so that the type check that follows names it.
     */
    JsonNode field(JsonNode object, List<Object> loc, Need need) {
        JsonNode value = object.get(String.valueOf(loc.get(loc.size() - 1)));
        if (value == null) {
            if (need == Need.REQUIRED) {
                add(loc, "Field required", "missing");
            }
            return null;
        }
        if (value.isNull() && need == Need.NULLABLE) {
            return null;
        }
        return value;
    }

    String text(JsonNode object, List<Object> loc, Need need) {
        return textAtMost(object, loc, need, Integer.MAX_VALUE);
    }

    /** A string of at most {@code maxLength} characters (code points, as Python counts). */
    String textAtMost(JsonNode object, List<Object> loc, Need need, int maxLength) {
        JsonNode value = field(object, loc, need);
        return value == null ? null : textAtMost(value, loc, maxLength);
    }

    String textAtMost(JsonNode value, List<Object> loc, int maxLength) {
        if (!value.isTextual()) {
            add(loc, "Input should be a valid string", "string_type");
            return null;
        }
        String text = value.textValue();
        if (tooLong(text, maxLength)) {
            add(loc, "String should have at most " + maxLength + " characters", "string_too_long");
            return null;
        }
        return text;
    }

    /** A JSON integer that fits a long; 4.5, "4" and true are not. */
    Long integer(JsonNode object, List<Object> loc, Need need) {
        JsonNode value = field(object, loc, need);
        return value == null ? null : integer(value, loc);
    }

    Long integer(JsonNode value, List<Object> loc) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            add(loc, "Input should be a valid integer", "int_type");
            return null;
        }
        return value.longValue();
    }

    /** Any JSON number. */
    Double number(JsonNode object, List<Object> loc, Need need) {
        JsonNode value = field(object, loc, need);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            add(loc, "Input should be a valid number", "float_type");
            return null;
        }
        return value.doubleValue();
    }

    /** {@code value} when it is at least {@code min} (null passes through). */
    <N extends Number> N atLeast(N value, long min, List<Object> loc) {
        if (value != null && value.doubleValue() < min) {
            add(loc, "Input should be greater than or equal to " + min, "greater_than_equal");
            return null;
        }
        return value;
    }

    <N extends Number> N atMost(N value, long max, List<Object> loc) {
        if (value != null && value.doubleValue() > max) {
            add(loc, "Input should be less than or equal to " + max, "less_than_equal");
            return null;
        }
        return value;
    }

    <N extends Number> N greaterThan(N value, long bound, List<Object> loc) {
        if (value != null && value.doubleValue() <= bound) {
            add(loc, "Input should be greater than " + bound, "greater_than");
            return null;
        }
        return value;
    }

    /** One of {@code allowed}, as a {@code Literal} field of pydantic checks it. */
    String oneOf(JsonNode object, List<Object> loc, Need need, List<String> allowed) {
        JsonNode value = field(object, loc, need);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || !allowed.contains(value.textValue())) {
            add(loc, "Input should be " + alternatives(allowed), "literal_error");
            return null;
        }
        return value.textValue();
    }

    /** A JSON object (a Python dict); its values are not checked. */
    JsonNode object(JsonNode object, List<Object> loc, Need need) {
        JsonNode value = field(object, loc, need);
        if (value != null && !value.isObject()) {
            add(loc, "Input should be a valid dictionary", "dict_type");
            return null;
        }
        return value;
    }

    /** A JSON array; its items are the caller's to check. */
    JsonNode list(JsonNode object, List<Object> loc, Need need) {
        JsonNode value = field(object, loc, need);
        if (value != null && !value.isArray()) {
            add(loc, "Input should be a valid list", "list_type");
            return null;
        }
        return value;
    }

    /**
     * A required ISO-8601 date-time with an offset ({@code 2024-01-15T10:30:00Z}). A time without
     * one is refused: it names no instant, so a client that sends one has a time-zone bug.
     */
    OffsetDateTime dateTime(JsonNode object, List<Object> loc) {
        JsonNode value = field(object, loc, Need.REQUIRED);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            add(loc, "Input should be a valid datetime", "datetime_type");
            return null;
        }
        OffsetDateTime parsed = parseDateTime(value.textValue());
        if (parsed == null) {
            if (isLocalDateTime(value.textValue())) {
                add(loc, "Input should have timezone info", "timezone_aware");
            } else {
                add(loc, "Input should be a valid datetime, invalid format", "datetime_parsing");
            }
        }
        return parsed;
    }

    /**
     * The variant a discriminator field selects, or null (with the violation) when the node is not
     * an object or its tag is missing or unknown.
     *
     * @param tags the known tags, in the schema's order (pydantic lists them so)
     */
    String tag(JsonNode node, List<Object> loc, String discriminator, List<String> tags) {
        if (!node.isObject()) {
            add(
                    loc,
                    "Input should be a valid dictionary or object to extract fields from",
                    "model_attributes_type");
            return null;
        }
        JsonNode tag = node.get(discriminator);
        if (tag == null) {
            add(
                    loc,
                    "Unable to extract tag using discriminator '" + discriminator + "'",
                    "union_tag_not_found");
            return null;
        }
        String text = tag.isTextual() ? tag.textValue() : tag.toString();
        if (!tag.isTextual() || !tags.contains(text)) {
            add(
                    loc,
                    "Input tag '"
                            + text
                            + "' found using '"
                            + discriminator
                            + "' does not match any of the expected tags: '"
                            + String.join("', '", tags)
                            + "'",
                    "union_tag_invalid");
            return null;
        }
        return text;
    }

    /**
     * The body's {@code request_id}: a required positive integer. Returned when it is an integer
     * even if not positive, so that a recording shows what was sent.
     */
    Long requestId(JsonNode root) {
        List<Object> loc = at(BODY, "request_id");
        Long id = integer(root, loc, Need.REQUIRED);
        greaterThan(id, 0, loc);
        return id;
    }

    /**
     * Metadata: an object of strings whose keys are at most {@value #MAX_METADATA_KEY_LENGTH}
     * characters. Returned when all values are strings, even with a key too long, else null.
     */
    Map<String, String> metadata(JsonNode root, Need need, Canonical canonical) {
        List<Object> loc = at(BODY, "metadata");
        JsonNode node = object(root, loc, need);
        if (node == null) {
            return null;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        boolean allStrings = true;
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            List<Object> keyLoc = at(loc, key);
            if (tooLong(key, MAX_METADATA_KEY_LENGTH)) {
                add(
                        keyLoc,
                        "String should have at most " + MAX_METADATA_KEY_LENGTH + " characters",
                        "string_too_long");
            }
            if (field.getValue().isTextual()) {
                metadata.put(canonical.of(key), field.getValue().textValue());
            } else {
                allStrings = false;
                add(keyLoc, "Input should be a valid string", "string_type");
            }
        }
        return allStrings ? metadata : null;
    }

    /** The body's {@code api_key} when it is a string, else null. Not part of any schema. */
    static String apiKey(JsonNode root, Canonical canonical) {
        JsonNode apiKey = root.get("api_key");
        return apiKey != null && apiKey.isTextual() ? canonical.of(apiKey.textValue()) : null;
    }

    private static boolean tooLong(String text, int maxLength) {
        return text.length() > maxLength && text.codePointCount(0, text.length()) > maxLength;
    }

    private static OffsetDateTime parseDateTime(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException notWithOffset) {
            return null;
        }
    }

    private static boolean isLocalDateTime(String text) {
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeParseException notEvenThat) {
            return false;
        }
    }

    /** Pydantic's way: {@code 'a', 'b' or 'c'}. */
    private static String alternatives(List<String> allowed) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < allowed.size(); i++) {
            if (i > 0) {
                text.append(i == allowed.size() - 1 ? " or " : ", ");
            }
            text.append('\'').append(allowed.get(i)).append('\'');
        }
        return text.toString();
    }
}
