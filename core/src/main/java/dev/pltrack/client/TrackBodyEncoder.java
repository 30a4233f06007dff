package dev.pltrack.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes {@link TrackMetadataBody} as PromptLayer's JSON straight to bytes with Jackson's streaming
 * generator: no object mapping, no intermediate string, on the path every track takes.
 */
final class TrackBodyEncoder implements Encoder {

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public void encode(Object object, Type bodyType, RequestTemplate template) {
        if (!(object instanceof TrackMetadataBody body)) {
            throw new EncodeException("pltrack only sends TrackMetadataBody, not " + bodyType);
        }
        template.body(toJson(body), StandardCharsets.UTF_8);
    }

    static byte[] toJson(TrackMetadataBody body) {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(256)) {
            try (JsonGenerator json = JSON.createGenerator(bytes)) {
                json.writeStartObject();
                json.writeStringField("api_key", body.apiKeyForJson());
                json.writeNumberField("request_id", body.requestId());
                json.writeObjectFieldStart("metadata");
                for (Map.Entry<String, String> entry : body.metadata().entrySet()) {
                    json.writeStringField(entry.getKey(), entry.getValue());
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            return bytes.toByteArray();
        } catch (IOException impossible) {
            throw new EncodeException("could not write the track as JSON", impossible);
        }
    }
}
