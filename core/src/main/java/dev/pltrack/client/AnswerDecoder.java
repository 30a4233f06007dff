package dev.pltrack.client;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Reads a 2xx answer without judging it: a {@link LogAnswer} for log-request, a
 * {@link TrackMetadataAnswer} ({@code {"success", "message"}}) for the track endpoints.
 */
final class AnswerDecoder implements Decoder {

    @Override
    public Object decode(Response response, Type type) throws IOException {
        String body = ResponseBodies.text(response);
        Optional<JsonNode> json = ResponseBodies.jsonObject(body);
        if (type == LogAnswer.class) {
            Long id = json.map(node -> node.get("id"))
                    .filter(JsonNode::canConvertToLong)
                    .filter(JsonNode::isIntegralNumber)
                    .map(JsonNode::longValue)
                    .orElse(null);
            return new LogAnswer(response.status(), json.isPresent(), id, text(json, "status"), body);
        }
        Boolean success = json.map(node -> node.get("success"))
                .filter(JsonNode::isBoolean)
                .map(JsonNode::booleanValue)
                .orElse(null);
        return new TrackMetadataAnswer(response.status(), json.isPresent(), success, text(json, "message"), body);
    }

    private static String text(Optional<JsonNode> json, String field) {
        return json.map(node -> node.get(field)).filter(JsonNode::isTextual).map(JsonNode::textValue).orElse(null);
    }
}
