package dev.pltrack.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One request to {@code POST /log-request} as the fake saw it, and what it answered.
 *
 * <p>The typed accessors read the parsed body and give what was sent, or null when the field is
 * absent or not of the schema's type, so that a rejected log still shows what could be read. They
 * do not fill in the schema's defaults: a log sent without {@code status} has a null {@link
 * #status()} here, though the 201 said {@code "SUCCESS"}. {@link #body()} has every field.
 *
 * @param sequence arrival number among all requests to the fake, 1 for the first after start or
 *     {@link FakePromptLayer#reset()}
 * @param receivedAt when the request arrived
 * @param rawBody the body exactly as received (UTF-8)
 * @param headers the request headers as received
 * @param requestId the id the fake gave the new request log, or null when it was not accepted
 * @param body the parsed body, or null when it was not a JSON object; {@link #body()} returns a copy
 * @param metadata the body's {@code metadata}, null if not an object of strings, empty if absent
 * @param apiKeyInBody the body's {@code api_key}, or null if absent or not a string
 * @param responseStatus the status answered, or -1 when the connection was dropped or closed
 * @param accepted whether it was answered 201 with an id, and so stored
 */
public record RecordedLog(
        long sequence,
        Instant receivedAt,
        String rawBody,
        Map<String, List<String>> headers,
        Long requestId,
        ObjectNode body,
        Map<String, String> metadata,
        String apiKeyInBody,
        int responseStatus,
        boolean accepted)
        implements RecordedCall {

    /** Copies what it is given, so a recording never changes after the fact. */
    public RecordedLog {
        headers = Recordings.checkedHeaders(receivedAt, rawBody, headers);
        body = body == null ? null : body.deepCopy();
        metadata = Recordings.copyOf(metadata);
    }

    /** Always {@link Endpoint#LOG_REQUEST}. */
    @Override
    public Endpoint endpoint() {
        return Endpoint.LOG_REQUEST;
    }

    /** A copy of the parsed body (changing it changes nothing here), or null if not an object. */
    @Override
    public ObjectNode body() {
        return body == null ? null : body.deepCopy();
    }

    public String provider() {
        return text("provider");
    }

    public String model() {
        return text("model");
    }

    /** A copy of the {@code input} Prompt Blueprint, or null when absent. */
    public JsonNode input() {
        return copyOf("input");
    }

    /** A copy of the {@code output} Prompt Blueprint, or null when absent. */
    public JsonNode output() {
        return copyOf("output");
    }

    /** Null when absent or not an ISO-8601 date-time with an offset. */
    public OffsetDateTime requestStartTime() {
        return dateTime("request_start_time");
    }

    public OffsetDateTime requestEndTime() {
        return dateTime("request_end_time");
    }

    /** Null when absent or not a list of strings. */
    public List<String> tags() {
        JsonNode tags = field("tags");
        if (tags == null || !tags.isArray()) {
            return null;
        }
        List<String> texts = new ArrayList<>(tags.size());
        for (JsonNode tag : tags) {
            if (!tag.isTextual()) {
                return null;
            }
            texts.add(tag.textValue());
        }
        return List.copyOf(texts);
    }

    public Long inputTokens() {
        return integer("input_tokens");
    }

    public Long outputTokens() {
        return integer("output_tokens");
    }

    public Double price() {
        JsonNode price = field("price");
        return price != null && price.isNumber() ? price.doubleValue() : null;
    }

    /** The log's own {@code score}, 0 to 100 in a valid log. */
    public Long score() {
        return integer("score");
    }

    /** {@code SUCCESS}, {@code WARNING} or {@code ERROR} as sent; null when not sent. */
    public String status() {
        return text("status");
    }

    public String errorType() {
        return text("error_type");
    }

    public String errorMessage() {
        return text("error_message");
    }

    public String promptName() {
        return text("prompt_name");
    }

    public Long promptVersionNumber() {
        return integer("prompt_version_number");
    }

    /** A copy of {@code parameters} (temperature, max_tokens, ...), or null when absent. */
    public JsonNode parameters() {
        return copyOf("parameters");
    }

    /** Everything but secrets: API keys in the body, X-API-KEY and Authorization are masked. */
    @Override
    public String toString() {
        return Recordings.describe(
                this,
                "RecordedLog",
                Recordings.fields(
                        "requestId", requestId,
                        "provider", provider(),
                        "model", model(),
                        "status", status(),
                        "metadata", CallReport.sorted(metadata)));
    }

    private JsonNode field(String name) {
        return body == null ? null : body.get(name);
    }

    private JsonNode copyOf(String name) {
        JsonNode value = field(name);
        return value == null ? null : value.deepCopy();
    }

    private String text(String name) {
        JsonNode value = field(name);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private Long integer(String name) {
        JsonNode value = field(name);
        return value != null && value.isIntegralNumber() && value.canConvertToLong()
                ? value.longValue()
                : null;
    }

    private OffsetDateTime dateTime(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException notADateTime) {
            return null;
        }
    }
}
