package dev.pltrack.examples.plain;

import dev.pltrack.TrackingContext;
import dev.pltrack.client.InvalidTrackRequestException;
import dev.pltrack.client.LoggedRequest;
import dev.pltrack.client.Metadata;
import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.PromptLayerException;
import dev.pltrack.client.TrackResult;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.delivery.DeliveryStats;
import dev.pltrack.delivery.LogHandle;
import dev.pltrack.testkit.DemoMode;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.Fault;
import dev.pltrack.tracking.TrackMetadataHandler;
import dev.pltrack.tracking.TrackingConfig;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Tracks metadata with pltrack's core, without a framework.
 *
 * <ul>
 *   <li>Without {@code PROMPTLAYER_API_KEY} (demo mode) it starts the test kit's fake PromptLayer on
 *       127.0.0.1, tracks a few requests with the synchronous client (one retried after two 503s, one
 *       refused before sending), then calls a {@code @TrackMetadata} service through the background
 *       delivery engine (one call failing), then an agent that logs two LLM calls during a
 *       {@code @TrackMetadata} call (its metadata inside each log) and scores one, and prints what the
 *       server received.</li>
 *   <li>With a key it tracks against {@code PROMPTLAYER_BASE_URL} (default the real API):
 *       {@code <request-id> [key=value ...]}.</li>
 * </ul>
 */
public final class PlainJavaDemo {

    private final PrintStream out;

    PlainJavaDemo(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        int status = new PlainJavaDemo(System.out).run(System::getenv, args);
        if (status != 0) {
            System.exit(status);
        }
    }

    int run(Function<String, String> environment, String[] args) {
        try (DemoMode demo = DemoMode.fromEnvironment(environment)) {
            return demo.active() ? runAgainstFake(demo) : runAgainstConfiguredServer(environment, args);
        }
    }

    private int runAgainstFake(DemoMode demo) {
        FakePromptLayer fake = demo.fake().orElseThrow();
        out.println(demo.banner());
        PromptLayerClient client = clientFor(fake);

        UUID session = UUID.fromString("6f1c2a34-93b5-4f7e-a8c1-0d2e3f405162");
        show(client.track(1001L, Metadata.builder()
                .put("user_id", "user-42")
                .put("session_id", session)
                .put("feature", "chat")
                .build()));
        show(client.track(1001L, Metadata.builder().put("rating", 5).put("feature", "chat-v2").build()));

        fake.failNext(2, Fault.status(503));
        show(client.track(1002L, Map.of("user_id", "user-7", "feature", "summarise")));

        try {
            client.track(0L, Map.of("user_id", "user-7"));
        } catch (InvalidTrackRequestException refused) {
            out.println("refused before sending: " + refused.getMessage());
        }

        out.println();
        trackWithTheAnnotation(fake);

        out.println();
        logLlmCalls(fake);

        out.println();
        out.print(demo.report());
        return 0;
    }

    /** {@code @TrackMetadata} without a framework: a JDK proxy, with delivery in the background. */
    private void trackWithTheAnnotation(FakePromptLayer fake) {
        out.println("@TrackMetadata through the background delivery engine:");
        PromptLayerClient client = clientFor(fake);
        DeliveryEngine engine = DeliveryEngine.start(client);
        TrackMetadataHandler handler = TrackMetadataHandler.builder(engine::offer)
                .config(TrackingConfig.builder().defaultMetadata("environment", "demo").build())
                .build();
        ChatService chat = handler.proxy(ChatService.class, new ScriptedChatService(2001L));

        ChatAnswer answer = chat.answer("user-42", UUID.fromString("6f1c2a34-93b5-4f7e-a8c1-0d2e3f405162"),
                "What is PromptLayer?");
        out.println("  answer() returned at once, request " + answer.promptLayerRequestId());
        chat.rate(answer.promptLayerRequestId(), 5);
        out.println("  rate() tracked request " + answer.promptLayerRequestId() + " from its parameter");
        // As a web filter would: the request id and the tenant are in scope for the calls inside.
        try (TrackingContext.Scope scope = TrackingContext.current().withRequestId(2002L).with("tenant", "acme").open()) {
            chat.summarise("missing.pdf");
        } catch (IllegalStateException failure) {
            out.println("  summarise() threw \"" + failure.getMessage() + "\"; tracked with error_type and error_message");
        }

        engine.close(); // flushes what is pending
        DeliveryStats stats = engine.stats();
        out.println("  delivery: " + stats.submitted() + " submitted, " + stats.coalesced() + " merged, "
                + stats.delivered() + " delivered, " + stats.failed() + " failed, " + stats.rejected() + " refused");
    }

    /**
     * An agent that logs its LLM calls through the engine: the @TrackMetadata call's metadata travels
     * inside each log, and a score given to a log's handle follows it.
     */
    private void logLlmCalls(FakePromptLayer fake) {
        out.println("LLM calls logged through the delivery engine during a @TrackMetadata call:");
        PromptLayerClient client = clientFor(fake);
        DeliveryEngine engine = DeliveryEngine.start(client);
        TrackMetadataHandler handler = TrackMetadataHandler.builder(engine::offer).build();
        ScriptedAgent scripted = new ScriptedAgent(engine);
        AgentService agent = handler.proxy(AgentService.class, scripted);

        agent.plan("user-42", "Plan a weekend in Oslo");
        List<LogHandle> logs = scripted.logged();
        logs.get(1).score(90, "helpfulness");
        for (LogHandle log : logs) {
            LoggedRequest logged = log.logged().join();
            out.println("  logged request " + logged.id() + " (" + logged.status() + ")");
        }

        engine.close();
        DeliveryStats stats = engine.stats();
        out.println("  delivery: " + stats.submitted() + " submitted, " + stats.coalesced()
                + " traveled inside a log, " + stats.delivered() + " HTTP calls delivered, " + stats.failed() + " failed");
    }

    private static PromptLayerClient clientFor(FakePromptLayer fake) {
        return PromptLayerClient.create(PromptLayerConfig.builder()
                .apiKey(fake.apiKey())
                .baseUrl(fake.baseUrl())
                .build());
    }

    private int runAgainstConfiguredServer(Function<String, String> environment, String[] args) {
        if (args.length == 0) {
            out.println("usage: PlainJavaDemo <request-id> [key=value ...]   (a PromptLayer request id from your logs)");
            return 2;
        }
        PromptLayerClient client = PromptLayerClient.create(
                PromptLayerConfig.builder().environment(environment).build());
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] entry = args[i].split("=", 2);
            metadata.put(entry[0], entry.length == 2 ? entry[1] : "");
        }
        if (metadata.isEmpty()) {
            metadata.put("source", "pltrack-plain-java-demo");
        }
        try {
            show(client.track(Long.parseLong(args[0]), metadata));
            return 0;
        } catch (PromptLayerException | NumberFormatException failure) {
            out.println("tracking failed: " + failure.getMessage());
            return 1;
        }
    }

    private void show(TrackResult result) {
        out.println("tracked request " + result.requestId() + " in " + result.attempts()
                + (result.attempts() == 1 ? " attempt: " : " attempts: ") + result.message());
    }
}
