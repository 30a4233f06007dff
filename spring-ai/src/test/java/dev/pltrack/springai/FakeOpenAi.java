package dev.pltrack.springai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

/**
 * A fake OpenAI-compatible {@code /v1/chat/completions} on WireMock: JSON answers, and SSE for
 * streaming requests. By default: a request whose last message is the user's asking for the weather
 * gets a tool call; a request that carries a tool result gets the final answer; a streaming request
 * gets "Hello" in two chunks.
 */
final class FakeOpenAi implements AutoCloseable {

    static final String PATH = "/v1/chat/completions";
    static final String MODEL = "gpt-4o-mini-2024-07-18";

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    FakeOpenAi() {
        server.start();
        defaults();
    }

    /** What {@code spring.ai.openai.base-url} must be: Spring AI 2 (OpenAI's SDK) wants the {@code /v1}, 1.x adds it. */
    String springAiBaseUrl() {
        return "http://127.0.0.1:" + server.port() + (isOpenAiSdk() ? "/v1" : "");
    }

    static boolean isOpenAiSdk() {
        try {
            Class.forName("com.openai.client.OpenAIClient", false, FakeOpenAi.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    void reset() {
        server.resetAll();
        defaults();
    }

    /** Every chat request answers {@code status} with an OpenAI error body. */
    void failWith(int status) {
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(1).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"fake failure " + status + "\",\"type\":\"invalid_request_error\","
                        + "\"param\":null,\"code\":\"fake_" + status + "\"}}")));
    }

    int chatRequests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(PATH)))
                .size();
    }

    @Override
    public void close() {
        server.stop();
    }

    private void defaults() {
        server.stubFor(json(post(urlPathEqualTo(PATH)).atPriority(9), completion("chatcmpl-plain",
                "{\"role\":\"assistant\",\"content\":\"Hi there!\",\"refusal\":null}", "stop", 9, 3)));
        server.stubFor(json(post(urlPathEqualTo(PATH)).atPriority(5).withRequestBody(containing("weather in")),
                completion("chatcmpl-tool", "{\"role\":\"assistant\",\"content\":null,\"refusal\":null,"
                        + "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"weather\","
                        + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}", "tool_calls", 20, 5)));
        server.stubFor(json(post(urlPathEqualTo(PATH)).atPriority(4).withRequestBody(containing("tool_call_id")),
                completion("chatcmpl-final", "{\"role\":\"assistant\",\"content\":\"It is sunny in Paris.\","
                        + "\"refusal\":null}", "stop", 42, 7)));
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(3)
                .withRequestBody(matchingJsonPath("$.stream", com.github.tomakehurst.wiremock.client.WireMock.equalTo("true")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(chunk("{\"role\":\"assistant\",\"content\":\"Hel\"}", null)
                                + chunk("{\"content\":\"lo\"}", "\"stop\"")
                                + "data: {\"id\":\"chatcmpl-stream\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                                + "\"model\":\"" + MODEL + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":11,"
                                + "\"completion_tokens\":2,\"total_tokens\":13}}\n\n"
                                + "data: [DONE]\n\n")));
    }

    private static String chunk(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-stream\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
                + MODEL + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
                + finishReason + "}]}\n\n";
    }

    private static MappingBuilder json(MappingBuilder mapping, String body) {
        return mapping.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body));
    }

    private static String completion(String id, String message, String finishReason, int promptTokens, int completionTokens) {
        return "{\"id\":\"" + id + "\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"" + MODEL + "\","
                + "\"choices\":[{\"index\":0,\"message\":" + message + ",\"logprobs\":null,\"finish_reason\":\""
                + finishReason + "\"}],\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":"
                + completionTokens + ",\"total_tokens\":" + (promptTokens + completionTokens) + "}}";
    }
}
