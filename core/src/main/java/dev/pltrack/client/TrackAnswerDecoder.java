package dev.pltrack.client;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Optional;

/** Reads a 2xx answer into a {@link TrackMetadataAnswer} without judging it. */
final class TrackAnswerDecoder implements Decoder {

    @Override
    public Object decode(Response response, Type type) throws IOException {
        String body = ResponseBodies.text(response);
        Optional<JsonNode> json = ResponseBodies.jsonObject(body);
        Boolean success = json.map(node -> node.get("success"))
                .filter(JsonNode::isBoolean)
                .map(JsonNode::booleanValue)
                .orElse(null);
        String message = json.map(node -> node.get("message"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::textValue)
                .orElse(null);
        return new TrackMetadataAnswer(response.status(), json.isPresent(), success, message, body);
    }
}
