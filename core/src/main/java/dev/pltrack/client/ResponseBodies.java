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
    /** At most this much of a body is ever read: enough for {@link #MAX_BODY_CHARS} of any UTF-8 text. */
    static final int MAX_BODY_BYTES = MAX_BODY_CHARS * 4;
    /** Ends a cut body; {@link SecretRedactor} masks a part of the key found just before it. */
    static final String CUT_MARK = "...";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResponseBodies() {
    }

    /**
     * The body as text, at most {@link #MAX_BODY_CHARS} characters read from at most
     * {@link #MAX_BODY_BYTES} bytes, ending in {@link #CUT_MARK} when it was cut. Not redacted:
     * pass the result through {@link SecretRedactor#redact}, which also masks a key cut in two, or
     * use {@link #text(Response, SecretRedactor)}, which redacts before cutting.
     */
    static String text(Response response) throws IOException {
        Prefix prefix = read(response);
        return prefix.complete() && prefix.text().length() <= MAX_BODY_CHARS ? prefix.text() : cut(prefix.text());
    }

    /** As {@link #text(Response)}, with the key redacted first and the body cut after. */
    static String text(Response response, SecretRedactor redactor) throws IOException {
        Prefix prefix = read(response);
        String redacted = redactor.redact(prefix.complete() ? prefix.text() : prefix.text() + CUT_MARK);
        return redacted.length() <= MAX_BODY_CHARS ? redacted : redactor.redact(cut(redacted));
    }

    private static String cut(String text) {
        return text.substring(0, Math.min(text.length(), MAX_BODY_CHARS)) + CUT_MARK;
    }

    /** What was read of a body, and whether that was all of it. */
    private record Prefix(String text, boolean complete) {
    }

    private static Prefix read(Response response) throws IOException {
        if (response.body() == null) {
            return new Prefix("", true);
        }
        try (InputStream in = response.body().asInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES);
            boolean complete = bytes.length < MAX_BODY_BYTES || in.read() < 0;
            return new Prefix(new String(bytes, StandardCharsets.UTF_8), complete);
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
