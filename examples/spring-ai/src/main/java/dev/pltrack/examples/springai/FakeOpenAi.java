package dev.pltrack.examples.springai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Demo mode's stand-in for OpenAI: {@code /v1/chat/completions} on 127.0.0.1, answering the app's
 * three calls like OpenAI would (a plain answer; a tool call, then the answer from the tool's result;
 * 404 for a model that does not exist).
 */
final class FakeOpenAi implements AutoCloseable {

    static final String MISSING_MODEL = "no-such-model";
    private static final String PATH = "/v1/chat/completions";
    private static final String MODEL = "gpt-4o-mini-2024-07-18";

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    FakeOpenAi() {
        server.start();
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(9).willReturn(json(200, completion(
                "{\"role\":\"assistant\",\"content\":\"PromptLayer keeps a log of every LLM call.\",\"refusal\":null}",
                "stop", 25, 9))));
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(5).withRequestBody(containing("weather in"))
                .willReturn(json(200, completion("{\"role\":\"assistant\",\"content\":null,\"refusal\":null,"
                        + "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"weather\","
                        + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}", "tool_calls", 60, 14))));
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(4).withRequestBody(containing("tool_call_id"))
                .willReturn(json(200, completion("{\"role\":\"assistant\",\"content\":\"Sunny and 21C in Paris.\","
                        + "\"refusal\":null}", "stop", 90, 8))));
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(1).withRequestBody(containing(MISSING_MODEL))
                .willReturn(json(404, "{\"error\":{\"message\":\"The model `" + MISSING_MODEL + "` does not exist\","
                        + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"model_not_found\"}}")));
    }

    /** Spring AI 2's OpenAI client wants the {@code /v1} in its base URL. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    @Override
    public void close() {
        server.stop();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String completion(String message, String finishReason, int promptTokens, int completionTokens) {
        return "{\"id\":\"chatcmpl-demo\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"" + MODEL
                + "\",\"choices\":[{\"index\":0,\"message\":" + message + ",\"logprobs\":null,\"finish_reason\":\""
                + finishReason + "\"}],\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":"
                + completionTokens + ",\"total_tokens\":" + (promptTokens + completionTokens) + "}}";
    }
}
