package dev.pltrack.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one Jackson mapper of the module (WireMock's own Jackson is relocated and not ours to use).
 */
final class Json {

    /** Thread-safe once configured; strict about trailing garbage, like a real JSON parser. */
    static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {}

    /** The parsed document, or {@code null} when the bytes are not JSON at all. */
    static JsonNode parseOrNull(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException notJson) {
            return null;
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when {@code body} is a JSON object whose {@code success} field is the boolean true. */
    static boolean isSuccessTrue(String body) {
        JsonNode node = parseOrNull(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return node != null
                && node.path("success").isBoolean()
                && node.path("success").booleanValue();
    }
}
