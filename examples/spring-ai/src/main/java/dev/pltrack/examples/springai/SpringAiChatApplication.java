package dev.pltrack.examples.springai;

import dev.pltrack.testkit.DemoMode;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.RecordedLog;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A Spring AI chat app whose ChatClient calls are logged to PromptLayer by pltrack-spring-ai.
 *
 * <ul>
 *   <li>Without {@code PROMPTLAYER_API_KEY}: the test kit's fake PromptLayer on 127.0.0.1.</li>
 *   <li>Without {@code OPENAI_API_KEY}: a WireMock stub of OpenAI's chat completions on 127.0.0.1.</li>
 *   <li>With both keys it runs for real (the calls cost a few tokens).</li>
 * </ul>
 * It makes three calls (a plain one, one with a tool call, one failing), closes (which delivers the
 * logs), then prints what the fake PromptLayer received.
 */
@SpringBootApplication
public class SpringAiChatApplication {

    static final String OPENAI_KEY_ENV = "OPENAI_API_KEY";

    public static void main(String[] args) {
        run(System::getenv, System.out, args);
    }

    /** The whole demo; answers what the fake PromptLayer received (empty when running for real). */
    static java.util.List<RecordedLog> run(Function<String, String> environment, PrintStream out, String... args) {
        String openAiKey = environment.apply(OPENAI_KEY_ENV);
        try (DemoMode demo = DemoMode.fromEnvironment(environment);
                FakeOpenAi fakeOpenAi = openAiKey == null || openAiKey.isBlank() ? new FakeOpenAi() : null) {
            out.println(demo.banner());
            out.println(fakeOpenAi == null ? OPENAI_KEY_ENV + " is set: calling OpenAI"
                    : "No " + OPENAI_KEY_ENV + " set: calling a fake OpenAI at " + fakeOpenAi.baseUrl());
            Map<String, Object> properties = new LinkedHashMap<>(demo.properties());
            if (fakeOpenAi != null) {
                properties.put("spring.ai.openai.base-url", fakeOpenAi.baseUrl());
                properties.put("spring.ai.openai.api-key", "demo");
                properties.put("spring.ai.openai.max-retries", "0");
            }
            SpringApplication application = new SpringApplication(SpringAiChatApplication.class);
            application.setWebApplicationType(WebApplicationType.NONE);
            application.addInitializers(context -> context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("pltrack-demo", properties)));
            try (ConfigurableApplicationContext context = application.run(args)) {
                WeatherService service = context.getBean(WeatherService.class);
                out.println("ask:     " + service.ask("user-42", "What is PromptLayer?"));
                out.println("weather: " + service.weather("user-42", "Paris"));
                try {
                    service.broken("user-7");
                } catch (RuntimeException e) {
                    out.println("broken:  failed as expected: " + e.getClass().getSimpleName());
                }
            }
            // Closing the context closed the delivery engine, which delivered what was pending.
            out.println(demo.report());
            java.util.List<RecordedLog> logs = demo.fake().map(FakePromptLayer::logged).orElse(java.util.List.of());
            logs.forEach(log -> out.println(describe(log)));
            return logs;
        }
    }

    private static String describe(RecordedLog log) {
        return "Logged request " + log.requestId() + ": " + log.provider() + "/" + log.model() + " " + log.status()
                + (log.errorType() == null ? "" : " " + log.errorType() + " (" + log.errorMessage() + ")")
                + ", tokens " + log.inputTokens() + "/" + log.outputTokens() + ", metadata " + log.metadata()
                + "\n    input:  " + log.input() + "\n    output: " + log.output();
    }
}
