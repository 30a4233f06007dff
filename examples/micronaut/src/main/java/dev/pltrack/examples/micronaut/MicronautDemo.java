package dev.pltrack.examples.micronaut;

import dev.pltrack.testkit.DemoMode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the example app.
 *
 * <ul>
 *   <li>Without {@code PROMPTLAYER_API_KEY} (demo mode) it starts the test kit's fake PromptLayer and
 *       points pltrack at it ({@link DemoMode}); with a key, pltrack tracks against PromptLayer.</li>
 *   <li>By default it starts the app on a free port, makes a few HTTP calls to it (one failing), stops
 *       the app (which delivers what is pending) and prints what the fake received.</li>
 *   <li>With {@code -Dpltrack.demo.serve=true} (or the argument {@code serve}) it keeps serving on port 8080 (or {@code MICRONAUT_SERVER_PORT})
 *       for curl; Ctrl+C stops it and prints the report.</li>
 * </ul>
 */
public final class MicronautDemo {

    private final PrintStream out;

    MicronautDemo(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        MicronautDemo demo = new MicronautDemo(System.out);
        // -Dpltrack.demo.serve=true is the switch every pltrack example understands.
        if (Arrays.asList(args).contains("serve") || Boolean.getBoolean("pltrack.demo.serve")) {
            demo.serve();
        } else {
            demo.run();
        }
    }

    /** Starts the app, calls it over HTTP, stops it, prints the report. */
    void run() throws Exception {
        try (DemoMode demo = DemoMode.fromEnvironment()) {
            out.println(demo.banner());
            ApplicationContext context = start(demo, "-1");
            URI base = context.getBean(EmbeddedServer.class).getURI();
            out.println("Example app on " + base);
            HttpClient http = HttpClient.newHttpClient();

            call(http, "GET", base, "/chat?user=user-42&question=" + URLEncoder.encode("What is PromptLayer?",
                    StandardCharsets.UTF_8));
            call(http, "GET", base, "/chat?user=user-7&question=" + URLEncoder.encode("Summarise my notes",
                    StandardCharsets.UTF_8));
            call(http, "POST", base, "/chat/3001/rating?stars=5");
            call(http, "POST", base, "/chat/3002/summary?document=notes.pdf");   // fails: tracked with the error

            context.close(); // closes the delivery engine, which delivers what is pending first
            out.println();
            out.print(demo.report());
        }
    }

    /** Keeps the app serving until the JVM stops. */
    void serve() throws InterruptedException {
        DemoMode demo = DemoMode.fromEnvironment();
        out.println(demo.banner());
        ApplicationContext context = start(demo, null);
        URI base = context.getBean(EmbeddedServer.class).getURI();
        out.println("Serving on " + base + "; try:");
        out.println("  curl '" + base + "/chat?user=user-42&question=Hello'");
        out.println("  curl -X POST '" + base + "/chat/3001/rating?stars=5'");
        out.println("  curl -X POST '" + base + "/chat/3001/summary?document=notes.pdf'");
        out.println("  curl '" + base + "/health'                               (the promptlayer entry)");
        out.println("  curl '" + base + "/metrics/pltrack.tracks.delivered'");
        out.println("Ctrl+C stops it and prints what the fake PromptLayer received.");
        // Micronaut's own shutdown hook stops the context, which flushes the engine; report after it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (context.isRunning() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            out.println();
            out.print(demo.report());
            demo.close();
        }, "pltrack-demo-report"));
        new CountDownLatch(1).await();
    }

    private static ApplicationContext start(DemoMode demo, String port) {
        Map<String, Object> properties = new HashMap<>(demo.properties());
        properties.put("promptlayer.metadata.environment", demo.active() ? "demo" : "example");
        if (port != null) {
            properties.put("micronaut.server.port", port);
        }
        // Micronaut.build(...).start() also starts the HTTP server, as Micronaut.run does.
        return Micronaut.build(new String[0]).mainClass(MicronautDemo.class).banner(false).properties(properties).start();
    }

    private void call(HttpClient http, String method, URI base, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        out.println("  " + method + " " + path + " -> " + response.statusCode()
                + (response.body().isEmpty() ? "" : " " + response.body()));
    }
}
