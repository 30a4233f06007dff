package dev.pltrack.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * An OpenAI-compatible chat endpoint ({@code POST /v1/chat/completions}) on 127.0.0.1, for tests of
 * the LLM integrations: it answers every call as the test last set (an answer, a tool call, a stream,
 * an error), and counts the calls.
 */
public final class FakeOpenAi implements AutoCloseable {

    public static final String COMPLETIONS = "/v1/chat/completions";

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    private FakeOpenAi() {
        server.start();
    }

    public static FakeOpenAi start() {
        return new FakeOpenAi();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    /** A chat completion with this assistant text and usage. */
    public void answers(String model, String text, int promptTokens, int completionTokens) {
        answersJson("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1733300000,"model":"%s",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}
                """.formatted(model, text, promptTokens, completionTokens, promptTokens + completionTokens));
    }

    /** A chat completion that asks for a tool call. */
    public void answersWithToolCall(String model, String callId, String function, String argumentsJson) {
        answersJson("""
                {"id":"chatcmpl-2","object":"chat.completion","created":1733300000,"model":"%s",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
                   {"id":"%s","type":"function","function":{"name":"%s","arguments":%s}}]},
                   "finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":30,"completion_tokens":7,"total_tokens":37}}
                """.formatted(model, callId, function, quoted(argumentsJson)));
    }

    public void answersJson(String body) {
        server.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** A streamed completion: the text in the given chunks, then usage, then [DONE]. */
    public void streams(String model, int promptTokens, int completionTokens, String... chunks) {
        StringBuilder events = new StringBuilder();
        for (String chunk : chunks) {
            events.append("data: {\"id\":\"chatcmpl-3\",\"object\":\"chat.completion.chunk\",\"created\":1733300000,")
                    .append("\"model\":\"").append(model).append("\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"")
                    .append(chunk).append("\"},\"finish_reason\":null}]}\n\n");
        }
        events.append("data: {\"id\":\"chatcmpl-3\",\"object\":\"chat.completion.chunk\",\"created\":1733300000,")
                .append("\"model\":\"").append(model).append("\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],")
                .append("\"usage\":{\"prompt_tokens\":").append(promptTokens).append(",\"completion_tokens\":")
                .append(completionTokens).append(",\"total_tokens\":").append(promptTokens + completionTokens).append("}}\n\n")
                .append("data: [DONE]\n\n");
        server.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(events.toString())));
    }

    /** An error answer as OpenAI gives it. */
    public void fails(int status, String message) {
        server.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\"}}")));
    }

    /** The first call is answered 500, every later one with this text. */
    public void failsOnceThenAnswers(String model, String text) {
        server.stubFor(post(urlEqualTo(COMPLETIONS)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"try again\",\"type\":\"server_error\"}}"))
                .willSetStateTo("recovered"));
        server.stubFor(post(urlEqualTo(COMPLETIONS)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"id":"chatcmpl-4","object":"chat.completion","created":1733300000,"model":"%s",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}
                        """.formatted(model, text))));
    }

    public int calls() {
        return server.getAllServeEvents().size();
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        server.stop();
    }
}
