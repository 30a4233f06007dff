package dev.pltrack.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Valid request bodies for the tests to send as they are or to break one field at a time. */
final class Bodies {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Bodies() {}

    /** The schema's own example of a successful chat log, with metadata and a tag. */
    static ObjectNode log() {
        return TrackClient.json(
                "{\"provider\": \"openai\", \"model\": \"gpt-4o\", \"api_type\": \"chat-completions\","
                        + " \"input\": {\"type\": \"chat\", \"messages\": [{\"role\": \"user\","
                        + " \"content\": [{\"type\": \"text\", \"text\": \"Hello!\"}]}]},"
                        + " \"output\": {\"type\": \"chat\", \"messages\": [{\"role\": \"assistant\","
                        + " \"content\": [{\"type\": \"text\", \"text\": \"Hi there!\"}]}]},"
                        + " \"request_start_time\": \"2024-01-15T10:30:00Z\","
                        + " \"request_end_time\": \"2024-01-15T10:30:05Z\","
                        + " \"tags\": [\"production\"], \"metadata\": {\"session_id\": \"abc123\"}}");
    }

    /** A valid log whose input is {@code messages} (a JSON array) and output a plain reply. */
    static ObjectNode logWithMessages(String messagesJson) {
        ObjectNode log = log();
        ((ObjectNode) log.get("input")).set("messages", TrackClient.jsonNode(messagesJson));
        return log;
    }

    static ObjectNode log(String field, Object value) {
        ObjectNode log = log();
        log.set(field, MAPPER.valueToTree(value));
        return log;
    }

    /** The first input message, to change in place. */
    static ObjectNode firstInputMessage(ObjectNode log) {
        return (ObjectNode) log.get("input").get("messages").get(0);
    }

    /** The first output message, to change in place. */
    static ObjectNode firstOutputMessage(ObjectNode log) {
        return (ObjectNode) log.get("output").get("messages").get(0);
    }

    static ObjectNode score(long requestId, int score) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("request_id", requestId);
        body.put("score", score);
        return body;
    }

    static ObjectNode score(long requestId, String name, int score) {
        return score(requestId, score).put("name", name);
    }

    static ObjectNode promptLink(long requestId, String promptName) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("request_id", requestId);
        body.put("prompt_name", promptName);
        return body;
    }

    static ObjectNode metadata(long requestId, String key, String value) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("request_id", requestId);
        body.putObject("metadata").put(key, value);
        return body;
    }

    static ArrayNode array(String json) {
        return (ArrayNode) TrackClient.jsonNode(json);
    }
}
