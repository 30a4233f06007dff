package dev.pltrack.examples.spring;

import dev.pltrack.testkit.DemoMode;
import java.io.PrintStream;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A chat web app whose {@link ChatService} methods are tracked by pltrack's starter.
 *
 * <ul>
 *   <li>Without {@code PROMPTLAYER_API_KEY} (demo mode) pltrack talks to the test kit's fake
 *       PromptLayer on 127.0.0.1; with it, to {@code PROMPTLAYER_BASE_URL} (default the real API).</li>
 *   <li>By default it starts on a free port, makes a few calls through its own endpoints (one of
 *       them failing), closes (which flushes the tracks), prints what the fake received and exits.</li>
 *   <li>With {@code -Dpltrack.demo.serve=true} it keeps serving on port 8080 until stopped.</li>
 * </ul>
 */
@SpringBootApplication
public class ChatApplication {

    static final String SERVE_PROPERTY = "pltrack.demo.serve";

    public static void main(String[] args) {
        PrintStream out = System.out;
        try (DemoMode demo = DemoMode.fromEnvironment()) {
            out.println(demo.banner());
            boolean serve = Boolean.getBoolean(SERVE_PROPERTY);
            ConfigurableApplicationContext context = application(demo, serve).run(args);
            if (serve) {
                out.println("Serving on http://localhost:" + port(context) + " ; try:");
                out.println("  curl -s -X POST localhost:" + port(context) + "/chat -H 'Content-Type: application/json'"
                        + " -H 'X-Tenant: acme' -d '{\"userId\":\"user-42\",\"question\":\"What is PromptLayer?\"}'");
                awaitClose(context);
            } else {
                try (context) {
                    new ScriptedCalls(out, "http://127.0.0.1:" + port(context)).run();
                }
                // Closing the context closed the delivery engine, which delivered what was pending.
                out.println(demo.report());
            }
        }
    }

    /** In demo mode the fake's key and URL outrank every other source of promptlayer.* settings. */
    static SpringApplication application(DemoMode demo, boolean serve) {
        SpringApplication application = new SpringApplication(ChatApplication.class);
        application.addInitializers(context -> {
            if (demo.active()) {
                context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("pltrack-demo", Map.copyOf(demo.properties())));
            }
            if (!serve) {
                context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("pltrack-demo-run", Map.of("server.port", "0")));
            }
        });
        return application;
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** Until Ctrl+C (Boot's shutdown hook closes the context) or an actuator shutdown. */
    private static void awaitClose(ConfigurableApplicationContext context) {
        while (context.isActive()) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
