package dev.pltrack.client;

import com.fasterxml.jackson.annotation.JsonGetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * The JSON body PromptLayer reads: {@code {"api_key": ..., "request_id": ..., "metadata": {...}}}.
 * The key travels in the body for servers of the reference page's generation, beside the
 * {@code X-API-KEY} header that current servers read. {@link #toString()} masks it.
 */
@JsonPropertyOrder({"api_key", "request_id", "metadata"})
public final class TrackMetadataBody {

    private final ApiKey apiKey;
    private final TrackRequest request;

    TrackMetadataBody(ApiKey apiKey, TrackRequest request) {
        this.apiKey = apiKey;
        this.request = request;
    }

    @JsonGetter("api_key")
    String apiKeyForJson() {
        return apiKey.reveal();
    }

    @JsonGetter("request_id")
    public long requestId() {
        return request.requestId();
    }

    @JsonGetter("metadata")
    public Map<String, String> metadata() {
        return request.metadata();
    }

    @Override
    public String toString() {
        return "TrackMetadataBody{api_key=" + ApiKey.MASK + ", request_id=" + request.requestId()
                + ", metadata=" + request.metadata() + "}";
    }
}
