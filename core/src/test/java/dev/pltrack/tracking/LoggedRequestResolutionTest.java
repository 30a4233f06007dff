package dev.pltrack.tracking;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pltrack.MetadataParam;
import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import dev.pltrack.TrackingContext;
import dev.pltrack.client.LogRequest;
import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.client.blueprint.ChatMessage;
import dev.pltrack.client.blueprint.PromptBlueprint;
import dev.pltrack.delivery.DeliveryEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests logged while a {@code @TrackMetadata} method runs are its request ids when nothing more
 * explicit gives one: the method's metadata travels inside each of those logs (one call each), and
 * an argument or return value still wins over them, as they win over the context's id.
 */
class LoggedRequestResolutionTest {

    private static final String KEY = "pl_logged_resolution_key_0123";

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private DeliveryEngine engine;
    private TrackMetadataHandler handler;
    private Agent agent;

    /** An agent whose methods make LLM calls, logged through the engine. */
    public interface Agent {
        @TrackMetadata({"feature=agent"})
        void answer(@MetadataParam("user_id") String user, int llmCalls);

        @TrackMetadata({"feature=rating"})
        void rate(@PromptLayerRequestId long requestId, @MetadataParam("rating") int stars);

        @TrackMetadata({"feature=handover"})
        void answerOnAnotherThread(@MetadataParam("user_id") String user) throws Exception;

        @TrackMetadata({"feature=plain"})
        void noLlmCall();

        @TrackMetadata({"feature=outer"})
        void delegate(@MetadataParam("team") String team);

        @TrackMetadata({"feature=failing"})
        void answerThenFail(@MetadataParam("user_id") String user);
    }

    final class LoggingAgent implements Agent {
        @Override
        public void answer(String user, int llmCalls) {
            for (int i = 0; i < llmCalls; i++) {
                engine.log(call("step " + i));
            }
        }

        @Override
        public void rate(long requestId, int stars) {
            engine.log(call("rating"));
        }

        @Override
        public void answerOnAnotherThread(String user) throws Exception {
            CompletableFuture.runAsync(() -> engine.log(call("elsewhere")), TrackingContext.current().wrap(pool)).get();
        }

        @Override
        public void noLlmCall() {
        }

        @Override
        public void answerThenFail(String user) {
            engine.log(call("doomed"));
            throw new IllegalStateException("the model refused");
        }

        @Override
        public void delegate(String team) {
            agent.answer("u-6", 1);   // through the proxy: a nested annotated call
        }
    }

    static LogRequest call(String prompt) {
        return LogRequest.builder("openai", "gpt-4o")
                .input(PromptBlueprint.chat(ChatMessage.user(prompt)))
                .output(PromptBlueprint.chat(ChatMessage.assistant("ok")))
                .times(Instant.parse("2026-12-03T10:00:00Z"), Instant.parse("2026-12-03T10:00:01Z"))
                .build();
    }

    @BeforeEach
    void start() {
        server.start();
        server.stubFor(post(urlEqualTo("/log-request")).willReturn(aResponse().withStatus(201).withBody("{\"id\":600}")));
        server.stubFor(post(urlEqualTo("/rest/track-metadata")).willReturn(aResponse().withStatus(200)
                .withBody("{\"success\":true,\"message\":\"ok\"}")));
        PromptLayerClient client = PromptLayerClient.create(PromptLayerConfig.builder().apiKey(KEY)
                .baseUrl("http://127.0.0.1:" + server.port())
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20))).build());
        engine = DeliveryEngine.start(client);
        handler = TrackMetadataHandler.builder(engine::offer).build();
        agent = handler.proxy(Agent.class, new LoggingAgent());
    }

    @AfterEach
    void stop() {
        engine.close();
        pool.shutdownNow();
        server.stop();
    }

    private List<String> bodiesSentTo(String path) throws InterruptedException {
        assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();
        return server.findAll(postRequestedFor(urlEqualTo(path))).stream().map(LoggedRequest::getBodyAsString).toList();
    }

    @Test
    void aRequestLoggedDuringTheCallCarriesItsMetadataInOneCall() throws Exception {
        agent.answer("u-1", 1);

        assertThat(bodiesSentTo("/log-request")).singleElement().asString()
                .contains("\"metadata\":{\"feature\":\"agent\",\"user_id\":\"u-1\"}");
        assertThat(bodiesSentTo("/rest/track-metadata")).isEmpty();
        assertThat(handler.stats().tracked()).isEqualTo(1);
        assertThat(engine.stats().delivered()).isEqualTo(1);
    }

    @Test
    void aRequestLoggedByACallThatThrowsIsReleasedWithTheMetadataAndTheCallersRecorderIsBack() throws Exception {
        agent.answer("u-8", 1);
        assertThat(TrackingContext.recorder()).as("recorder after a call that returned").isNull();

        assertThatThrownBy(() -> agent.answerThenFail("u-9")).isInstanceOf(IllegalStateException.class);
        assertThat(TrackingContext.recorder()).as("recorder after a call that threw").isNull();

        assertThat(bodiesSentTo("/log-request")).hasSize(2)
                .anySatisfy(body -> assertThat(body).contains("\"feature\":\"failing\"", "\"user_id\":\"u-9\""));
    }

    @Test
    void everyRequestLoggedDuringTheCallGetsTheMetadata() throws Exception {
        agent.answer("u-3", 3);

        assertThat(bodiesSentTo("/log-request")).hasSize(3)
                .allSatisfy(body -> assertThat(body).contains("\"metadata\":{\"feature\":\"agent\",\"user_id\":\"u-3\"}"));
        assertThat(bodiesSentTo("/rest/track-metadata")).isEmpty();
        assertThat(handler.stats().tracked()).isEqualTo(3);
    }

    @Test
    void aRequestLoggedOnWorkHandedOverIsTheCallsToo() throws Exception {
        agent.answerOnAnotherThread("u-4");

        assertThat(bodiesSentTo("/log-request")).singleElement().asString()
                .contains("\"metadata\":{\"feature\":\"handover\",\"user_id\":\"u-4\"}");
    }

    @Test
    void anExplicitRequestIdWinsOverALoggedRequest() throws Exception {
        agent.rate(77, 5);

        assertThat(bodiesSentTo("/rest/track-metadata")).containsExactly("{\"api_key\":\"" + KEY
                + "\",\"request_id\":77,\"metadata\":{\"feature\":\"rating\",\"rating\":\"5\"}}");
        assertThat(bodiesSentTo("/log-request")).singleElement().asString().doesNotContain("metadata");
    }

    @Test
    void aLoggedRequestWinsOverTheContextsIdAndTakesTheContextsMetadata() throws Exception {
        try (TrackingContext.Scope ignored = TrackingContext.current().withRequestId(5).with("session_id", "s-9").open()) {
            agent.answer("u-5", 1);
        }

        assertThat(bodiesSentTo("/log-request")).singleElement().asString()
                .contains("\"metadata\":{\"session_id\":\"s-9\",\"feature\":\"agent\",\"user_id\":\"u-5\"}");
        assertThat(bodiesSentTo("/rest/track-metadata")).isEmpty();
    }

    @Test
    void withNoLoggedRequestTheContextsIdIsUsedAndWithoutItNothingIsSent() throws Exception {
        agent.noLlmCall();
        assertThat(handler.stats().noRequestId()).isEqualTo(1);

        try (TrackingContext.Scope ignored = TrackingContext.current().withRequestId(9).open()) {
            agent.noLlmCall();
        }

        assertThat(bodiesSentTo("/rest/track-metadata")).containsExactly("{\"api_key\":\"" + KEY
                + "\",\"request_id\":9,\"metadata\":{\"feature\":\"plain\"}}");
    }

    @Test
    void aLogMadeInANestedCallCarriesBothCallsMetadataTheOuterWinning() throws Exception {
        agent.delegate("t-1");

        assertThat(bodiesSentTo("/log-request")).singleElement().asString()
                .contains("\"metadata\":{\"feature\":\"outer\",\"user_id\":\"u-6\",\"team\":\"t-1\"}");
        assertThat(bodiesSentTo("/rest/track-metadata")).isEmpty();
        assertThat(handler.stats().tracked()).isEqualTo(2);
    }

    @Test
    void aLogMadeOutsideAnyCallIsSentWithoutWaiting() throws Exception {
        engine.log(call("alone")).logged().get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(bodiesSentTo("/log-request")).singleElement().asString().doesNotContain("metadata");
    }
}
