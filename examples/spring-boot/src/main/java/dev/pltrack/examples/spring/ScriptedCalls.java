package dev.pltrack.examples.spring;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The demo's calls, made over HTTP to the app's own endpoints as a user's client would. */
final class ScriptedCalls {

    private final PrintStream out;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ScriptedCalls(PrintStream out, String baseUrl) {
        this.out = out;
        this.baseUrl = baseUrl;
    }

    void run() {
        post("/chat", "acme", "{\"userId\":\"user-42\",\"sessionId\":\"6f1c2a34-93b5-4f7e-a8c1-0d2e3f405162\","
                + "\"question\":\"What is PromptLayer?\"}");
        post("/chat", null, "{\"userId\":\"user-7\",\"question\":\"Summarise this thread\"}");
        post("/chat/1001/rating", "acme", "{\"stars\":5}");
        // Fails: the caller gets a 400, and PromptLayer still learns about it (error_type, error_message).
        post("/chat/1002/rating", null, "{\"stars\":9}");
    }

    private void post(String path, String tenant, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (tenant != null) {
            request.header("X-Tenant", tenant);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            out.println("POST " + path + (tenant != null ? " (X-Tenant: " + tenant + ")" : "") + " -> "
                    + response.statusCode() + " " + response.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
