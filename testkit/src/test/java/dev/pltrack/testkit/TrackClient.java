package dev.pltrack.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain java.net.http client for the tests: what any real client would put on the wire. */
final class TrackClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Shared: one selector thread for the whole test run. HTTP/1.1 keeps the wire predictable. */
    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    private final String baseUrl;
    private final String apiKey;

    TrackClient(FakePromptLayer fake) {
        this(fake.baseUrl(), fake.apiKey());
    }

    TrackClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** A well-formed track with the key both in the body and in X-API-KEY, as pltrack sends it. */
    HttpResponse<String> track(long requestId, Map<String, String> metadata) {
        return post(body(apiKey, requestId, metadata), "X-API-KEY", apiKey);
    }

    /** POST to the track path with exactly this body and these headers (name, value, ...). */
    HttpResponse<String> post(String body, String... headers) {
        return send("POST", FakePromptLayer.TRACK_PATH, body, headers);
    }

    /** POST to the endpoint's path with exactly this body and these headers (name, value, ...). */
    HttpResponse<String> postTo(Endpoint endpoint, String body, String... headers) {
        return send("POST", endpoint.path(), body, headers);
    }

    /** POST to the endpoint with the key in X-API-KEY only, as PromptLayer's docs show it. */
    HttpResponse<String> postWithKey(Endpoint endpoint, Object body) {
        return postTo(endpoint, body.toString(), "X-API-KEY", apiKey);
    }

    /** Like {@link #postTo} but lets an I/O failure through, for the connection faults. */
    HttpResponse<String> postToOrThrow(Endpoint endpoint, String body, String... headers)
            throws IOException, InterruptedException {
        return HTTP.send(request("POST", endpoint.path(), body, headers), ofString());
    }

    /** Like {@link #post} but lets an I/O failure through, for the connection faults. */
    HttpResponse<String> postOrThrow(String body, String... headers)
            throws IOException, InterruptedException {
        return HTTP.send(request("POST", FakePromptLayer.TRACK_PATH, body, headers), ofString());
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        try {
            return HTTP.send(request(method, path, body, headers), ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String body(String apiKey, long requestId, Map<String, String> metadata) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("api_key", apiKey);
        body.put("request_id", requestId);
        body.set("metadata", MAPPER.valueToTree(metadata));
        return body.toString();
    }

    static ObjectNode json(String text) {
        return (ObjectNode) jsonNode(text);
    }

    static JsonNode jsonNode(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest request(String method, String path, String body, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(10))
                        .method(method, HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body != null && !body.isEmpty() && !hasHeader(headers, "Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        return request.build();
    }

    private static boolean hasHeader(String[] headers, String name) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static HttpResponse.BodyHandler<String> ofString() {
        return HttpResponse.BodyHandlers.ofString();
    }
}
