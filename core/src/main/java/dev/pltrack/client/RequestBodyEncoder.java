package dev.pltrack.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes the request family's bodies as PromptLayer's JSON straight to bytes with Jackson's
 * streaming generator: no object mapping, no intermediate string, on the path every track takes.
 * The track endpoints ({@code /rest/...}) also get the key in the body, for servers of the reference
 * page's generation; {@code /log-request} never had it there and gets the header only.
 */
final class RequestBodyEncoder implements Encoder {

    private static final JsonFactory JSON = new JsonFactory();

    /** Writes one body's fields into an open object. */
    @FunctionalInterface
    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    @Override
    public void encode(Object object, Type bodyType, RequestTemplate template) {
        template.body(bytesOf(object, bodyType), StandardCharsets.UTF_8);
    }

    private static byte[] bytesOf(Object object, Type bodyType) {
        if (object instanceof TrackMetadataBody body) {
            return toJson(body);
        }
        if (object instanceof KeyedBody<?> keyed) {
            Object payload = keyed.payload();
            if (payload instanceof LogRequest log) {
                return write(json -> LogRequestJson.write(log, json));
            }
            if (payload instanceof ScoreRequest score) {
                return write(json -> {
                    json.writeStringField("api_key", keyed.apiKey().reveal());
                    json.writeNumberField("request_id", score.requestId());
                    json.writeNumberField("score", score.score());
                    json.writeStringField("name", score.name());
                });
            }
            if (payload instanceof PromptLinkRequest link) {
                return write(json -> {
                    json.writeStringField("api_key", keyed.apiKey().reveal());
                    json.writeNumberField("request_id", link.requestId());
                    json.writeStringField("prompt_name", link.promptName());
                    json.writeFieldName("prompt_input_variables");
                    JsonValues.write(link.inputVariables(), json);
                    if (link.version() != null) {
                        json.writeNumberField("version", link.version());
                    }
                    if (link.label() != null) {
                        json.writeStringField("label", link.label());
                    }
                });
            }
        }
        throw new EncodeException("pltrack does not send " + bodyType);
    }

    static byte[] toJson(TrackMetadataBody body) {
        return write(json -> {
            json.writeStringField("api_key", body.apiKeyForJson());
            json.writeNumberField("request_id", body.requestId());
            json.writeObjectFieldStart("metadata");
            for (Map.Entry<String, String> entry : body.metadata().entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
        });
    }

    private static byte[] write(Fields fields) {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(256)) {
            try (JsonGenerator json = JSON.createGenerator(bytes)) {
                json.writeStartObject();
                fields.write(json);
                json.writeEndObject();
            }
            return bytes.toByteArray();
        } catch (IOException | UncheckedIOException impossible) {
            throw new EncodeException("could not write the request as JSON", impossible);
        }
    }
}
