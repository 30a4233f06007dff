package dev.pltrack.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pltrack.client.blueprint.ChatMessage;
import dev.pltrack.client.blueprint.ContentBlock;
import dev.pltrack.client.blueprint.PromptBlueprint;
import dev.pltrack.client.blueprint.Role;
import dev.pltrack.client.blueprint.ToolCall;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The request family beyond track-metadata over a real socket: the exact bodies of log-request,
 * track-score and track-prompt, how their answers are read, and the key kept out of logs.
 */
class RequestFamilyWireTest {

    private static final String KEY = "pl_family_test_key_0123456789";
    private static final Instant START = Instant.parse("2026-12-03T10:30:00Z");
    private static final Instant END = Instant.parse("2026-12-03T10:30:01.250Z");

    @RegisterExtension
    final TraceLogCapture logs = new TraceLogCapture();

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private PromptLayerClient client;

    @BeforeEach
    void start() {
        server.start();
        client = PromptLayerClient.create(PromptLayerConfig.builder()
                .apiKey(KEY)
                .baseUrl("http://127.0.0.1:" + server.port())
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)))
                .httpLogging(HttpLogging.FULL)
                .build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop();
    }

    /** A call with every kind of message: system, user, an assistant tool call, its result, the answer. */
    static LogRequest agentCall() {
        return LogRequest.builder("openai", "gpt-4o")
                .input(PromptBlueprint.chat(
                        ChatMessage.system("You are terse."),
                        ChatMessage.user("Weather in Oslo?"),
                        ChatMessage.assistant(null, List.of(ToolCall.of("call_1", "weather", "{\"city\":\"Oslo\"}"))),
                        ChatMessage.toolResult("call_1", "weather", "-3 °C, snow")))
                .output(PromptBlueprint.chat(ChatMessage.assistant("Cold: -3 °C and snowing.")))
                .times(START, END)
                .parameter("temperature", 0.2)
                .parameter("max_tokens", 200)
                .parameter("stop", List.of("\n\n"))
                .tag("production")
                .metadata("session_id", "abc123")
                .tokens(42, 9)
                .price(0.00031)
                .apiType("chat-completions")
                .build();
    }

    @Test
    void logsACallWithTheExactBlueprintAndAnswersWithTheNewId() {
        server.stubFor(post(urlEqualTo("/log-request")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":4711,\"prompt_version\":null,\"status\":\"SUCCESS\",\"error_type\":null,"
                        + "\"error_message\":null}")));

        dev.pltrack.client.LoggedRequest logged = client.logRequest(agentCall());

        assertThat(logged).isEqualTo(new dev.pltrack.client.LoggedRequest(4711, LogStatus.SUCCESS, 1));
        assertThat(logged.promptLayerRequestId()).isEqualTo(4711);
        LoggedRequest received = onlyRequestTo("/log-request");
        assertThat(received.getBodyAsString()).isEqualTo("{\"provider\":\"openai\",\"model\":\"gpt-4o\","
                + "\"input\":{\"type\":\"chat\",\"messages\":["
                + "{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"You are terse.\"}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Weather in Oslo?\"}]},"
                + "{\"role\":\"assistant\",\"content\":[],\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}}]},"
                + "{\"role\":\"tool\",\"content\":[{\"type\":\"text\",\"text\":\"-3 °C, snow\"}],\"name\":\"weather\","
                + "\"tool_call_id\":\"call_1\"}]},"
                + "\"output\":{\"type\":\"chat\",\"messages\":["
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Cold: -3 °C and snowing.\"}]}]},"
                + "\"request_start_time\":\"2026-12-03T10:30:00Z\",\"request_end_time\":\"2026-12-03T10:30:01.250Z\","
                + "\"parameters\":{\"temperature\":0.2,\"max_tokens\":200,\"stop\":[\"\\n\\n\"]},"
                + "\"tags\":[\"production\"],\"metadata\":{\"session_id\":\"abc123\"},"
                + "\"input_tokens\":42,\"output_tokens\":9,\"price\":3.1E-4,\"api_type\":\"chat-completions\","
                + "\"status\":\"SUCCESS\"}");
        assertThat(received.getHeader("X-API-KEY")).isEqualTo(KEY);
        assertThat(received.getBodyAsString()).doesNotContain(KEY);
    }

    @Test
    void logsAFailedCallWithItsStatusTypeAndMessage() {
        server.stubFor(post(urlEqualTo("/log-request")).willReturn(aResponse().withStatus(201)
                .withBody("{\"id\":9,\"status\":\"ERROR\"}")));
        LogRequest failed = LogRequest.builder("anthropic", "claude-sonnet-4")
                .input(PromptBlueprint.completion("Say hi"))
                .output(PromptBlueprint.chat())
                .times(START, END)
                .failed(LogErrorType.PROVIDER_TIMEOUT, "timed out after 30 s")
                .build();

        assertThat(client.logRequest(failed).status()).isEqualTo(LogStatus.ERROR);

        assertThat(onlyRequestTo("/log-request").getBodyAsString()).isEqualTo("{\"provider\":\"anthropic\","
                + "\"model\":\"claude-sonnet-4\",\"input\":{\"type\":\"completion\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"Say hi\"}]},\"output\":{\"type\":\"chat\",\"messages\":[]},"
                + "\"request_start_time\":\"2026-12-03T10:30:00Z\",\"request_end_time\":\"2026-12-03T10:30:01.250Z\","
                + "\"input_tokens\":0,\"output_tokens\":0,\"status\":\"ERROR\",\"error_type\":\"PROVIDER_TIMEOUT\","
                + "\"error_message\":\"timed out after 30 s\"}");
    }

    @Test
    void writesThinkingAndImageBlocksAndNamedMessages() {
        server.stubFor(post(urlEqualTo("/log-request")).willReturn(aResponse().withStatus(201).withBody("{\"id\":3}")));
        LogRequest call = LogRequest.builder("openai", "gpt-4o")
                .input(PromptBlueprint.chat(ChatMessage.builder(Role.USER).name("ana").text("What is this?")
                        .block(ContentBlock.imageUrl("https://example.com/cat.png")).build()))
                .output(PromptBlueprint.chat(ChatMessage.builder(Role.ASSISTANT)
                        .block(new ContentBlock.Thinking("a cat, probably", "sig-1")).text("A cat.").build()))
                .times(START, END)
                .build();

        assertThat(client.logRequest(call).status()).isEqualTo(LogStatus.SUCCESS);

        assertThat(onlyRequestTo("/log-request").getBodyAsString()).contains(
                "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is this?\"},"
                        + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/cat.png\"}}],\"name\":\"ana\"}",
                "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"a cat, probably\","
                        + "\"signature\":\"sig-1\"},{\"type\":\"text\",\"text\":\"A cat.\"}]}");
    }

    @Test
    void anAnswerWithoutAnIdIsNotALog() {
        server.stubFor(post(urlEqualTo("/log-request")).willReturn(aResponse().withStatus(201)
                .withBody("{\"success\":true}")));

        assertThatThrownBy(() -> client.logRequest(agentCall()))
                .isInstanceOf(PromptLayerInvalidResponseException.class)
                .hasMessageContaining("answered 201 with a body that is not its JSON answer");
    }

    @Test
    void aRefusedLogSaysWhyAndAServerErrorIsRetried() {
        server.stubFor(post(urlEqualTo("/log-request")).willReturn(aResponse().withStatus(422)
                .withBody("{\"detail\":[{\"loc\":[\"body\",\"input\",\"messages\",0,\"content\"],"
                        + "\"msg\":\"Input should be a valid list\",\"type\":\"list_type\"}]}")));
        assertThatThrownBy(() -> client.logRequest(agentCall()))
                .isInstanceOf(PromptLayerUnprocessableException.class)
                .hasMessageContaining("input.messages.0.content");

        server.resetAll();
        server.stubFor(post(urlEqualTo("/log-request")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.stubFor(post(urlEqualTo("/log-request")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201).withBody("{\"id\":12}")));
        assertThat(client.logRequest(agentCall())).isEqualTo(new dev.pltrack.client.LoggedRequest(12, LogStatus.SUCCESS, 2));
    }

    @Test
    void scoresARequestUnderANameOrTheDefault() {
        server.stubFor(post(urlEqualTo("/rest/track-score")).willReturn(aResponse().withStatus(200)
                .withBody("{\"success\":true,\"message\":\"Score tracked\"}")));

        assertThat(client.trackScore(4711, 87, "helpfulness")).isEqualTo(new TrackResult(4711, "Score tracked", 1));
        client.trackScore(4711, 100, null);

        List<LoggedRequest> received = server.findAll(postRequestedFor(urlEqualTo("/rest/track-score")));
        assertThat(received).extracting(LoggedRequest::getBodyAsString).containsExactly(
                "{\"api_key\":\"" + KEY + "\",\"request_id\":4711,\"score\":87,\"name\":\"helpfulness\"}",
                "{\"api_key\":\"" + KEY + "\",\"request_id\":4711,\"score\":100,\"name\":\"default\"}");
    }

    @Test
    void aScoreNotAcceptedIsAFailure() {
        server.stubFor(post(urlEqualTo("/rest/track-score")).willReturn(aResponse().withStatus(200)
                .withBody("{\"success\":false,\"message\":\"Request not found\"}")));

        assertThatThrownBy(() -> client.trackScore(5, 1, null))
                .isInstanceOf(PromptLayerNotAcceptedException.class)
                .hasMessageContaining("did not accept the score for request 5: Request not found");
    }

    @Test
    void linksARequestToAPromptByVersionOrLabel() {
        server.stubFor(post(urlEqualTo("/rest/track-prompt")).willReturn(aResponse().withStatus(200)
                .withBody("{\"success\":true,\"message\":\"Prompt tracked successfully\"}")));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("user_message", "Hello");
        variables.put("turn", 3);

        client.trackPrompt(PromptLinkRequest.ofVersion(12345, "support-response", variables, 2));
        client.trackPrompt(PromptLinkRequest.ofLabel(12345, "support-response", Map.of(), "prod"));
        TrackResult latest = client.trackPrompt(PromptLinkRequest.ofLatest(12345, "support-response", Map.of()));

        assertThat(latest.message()).isEqualTo("Prompt tracked successfully");
        List<LoggedRequest> received = server.findAll(postRequestedFor(urlEqualTo("/rest/track-prompt")));
        String prefix = "{\"api_key\":\"" + KEY + "\",\"request_id\":12345,\"prompt_name\":\"support-response\","
                + "\"prompt_input_variables\":";
        assertThat(received).extracting(LoggedRequest::getBodyAsString).containsExactly(
                prefix + "{\"user_message\":\"Hello\",\"turn\":3},\"version\":2}",
                prefix + "{},\"label\":\"prod\"}",
                prefix + "{}}");
    }

    @Test
    void theKeyIsInNoLogLineOfTheNewEndpoints() {
        server.stubFor(post(urlEqualTo("/log-request")).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"bad key " + KEY + "\"}")));
        server.stubFor(post(urlEqualTo("/rest/track-score")).willReturn(aResponse().withStatus(200)
                .withBody("{\"success\":true,\"message\":\"ok " + KEY + "\"}")));
        server.stubFor(post(urlEqualTo("/rest/track-prompt")).willReturn(aResponse().withStatus(500)
                .withBody("echo " + KEY)));

        assertThatThrownBy(() -> client.logRequest(agentCall())).satisfies(failure ->
                assertThat(failure.toString()).doesNotContain(KEY));
        client.trackScore(1, 50, null);
        assertThatThrownBy(() -> client.trackPrompt(PromptLinkRequest.ofLatest(1, "p", Map.of())))
                .satisfies(failure -> assertThat(failure.toString()).doesNotContain(KEY));

        assertThat(logs.events()).isNotEmpty();
        assertThat(logs.events()).allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(KEY));
        assertThat(logs.events()).anySatisfy(event -> assertThat(event.getFormattedMessage()).contains("/log-request"));
    }

    private LoggedRequest onlyRequestTo(String path) {
        List<LoggedRequest> received = server.findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(received).hasSize(1);
        assertThat(new String(received.get(0).getBody(), StandardCharsets.UTF_8)).isEqualTo(received.get(0).getBodyAsString());
        return received.get(0);
    }
}
