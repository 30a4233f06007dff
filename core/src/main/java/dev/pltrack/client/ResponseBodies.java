package dev.pltrack.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reading PromptLayer's answers: bounded body text, and the JSON object in it when there is one. */
final class ResponseBodies {

    /** Answers are a few hundred bytes; a larger body is a proxy page and is cut. */
    static final int MAX_BODY_CHARS = 8 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResponseBodies() {
    }

    static String text(Response response) throws IOException {
        if (response.body() == null) {
            return "";
        }
        try (InputStream in = response.body().asInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_CHARS * 4);
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.length() > MAX_BODY_CHARS ? text.substring(0, MAX_BODY_CHARS) + "..." : text;
        }
    }

    /** A body short enough for an exception message. */
    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    static Optional<JsonNode> jsonObject(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
