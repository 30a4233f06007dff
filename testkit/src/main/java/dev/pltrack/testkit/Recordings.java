package dev.pltrack.testkit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the recordings of every endpoint share: immutable headers and a key-safe toString. */
final class Recordings {

    private static final int MAX_BODY_IN_TO_STRING = 500;

    private Recordings() {}

    /**
     * Checks what every recording must have and returns its headers as an immutable copy, so that
     * a recording never changes after the fact.
     */
    static Map<String, List<String>> checkedHeaders(
            Instant receivedAt, String rawBody, Map<String, List<String>> headers) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(rawBody, "rawBody");
        Map<String, List<String>> copy =
                new LinkedHashMap<>(Objects.requireNonNull(headers, "headers").size() * 2);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Map.copyOf(copy);
    }

    /** An unmodifiable copy in the same order, or null for null. */
    static Map<String, String> copyOf(Map<String, String> metadata) {
        return metadata == null
                ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * {@code Type[sequence=..., receivedAt=..., responseStatus=..., accepted=..., <fields>,
     * apiKeyInBody=..., headers=..., rawBody=...]} with every key masked.
     *
     * @param fields the endpoint's own fields, in the order to show them
     */
    static String describe(RecordedCall call, String type, Map<String, Object> fields) {
        StringBuilder text =
                new StringBuilder(type)
                        .append("[sequence=")
                        .append(call.sequence())
                        .append(", receivedAt=")
                        .append(call.receivedAt())
                        .append(", responseStatus=")
                        .append(call.responseStatus())
                        .append(", accepted=")
                        .append(call.accepted());
        fields.forEach((name, value) -> text.append(", ").append(name).append('=').append(value));
        return text.append(", apiKeyInBody=")
                .append(Secrets.mask(call.apiKeyInBody()))
                .append(", headers=")
                .append(maskedHeaders(call.headers()))
                .append(", rawBody=")
                .append(redactedBody(call))
                .append(']')
                .toString();
    }

    /** {@code name, value, name, value, ...} in order, nulls allowed. */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static String redactedBody(RecordedCall call) {
        String body =
                Secrets.redactBody(call.rawBody(), call.apiKeyInBody(), call.header("X-API-KEY"));
        if (body.length() <= MAX_BODY_IN_TO_STRING) {
            return body;
        }
        return body.substring(0, MAX_BODY_IN_TO_STRING)
                + "... ("
                + call.rawBody().length()
                + " chars)";
    }

    private static Map<String, Object> maskedHeaders(Map<String, List<String>> headers) {
        Map<String, Object> shown = new LinkedHashMap<>();
        headers.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER))
                .forEach(
                        header ->
                                shown.put(
                                        header.getKey(),
                                        Secrets.isCredentialHeader(header.getKey())
                                                ? header.getValue().stream()
                                                        .map(Secrets::mask)
                                                        .toList()
                                                : header.getValue()));
        return shown;
    }
}
