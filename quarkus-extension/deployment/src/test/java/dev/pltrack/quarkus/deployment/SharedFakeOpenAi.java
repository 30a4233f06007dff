package dev.pltrack.quarkus.deployment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * A fake OpenAI chat endpoint, started on JUnit's side of a {@code QuarkusUnitTest} (like
 * {@link SharedFake}); the application reads its address from a system property.
 */
final class SharedFakeOpenAi {

    static final String BASE_URL_PROPERTY = "pltrack.test.openai.base-url";
    private static final String SERVER_PROPERTY = "pltrack.test.openai.server";

    private SharedFakeOpenAi() {
    }

    /** JUnit side: answers every chat completion with "Hi!" and its usage. */
    static void start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"chatcmpl-1","object":"chat.completion","created":1733300000,"model":"gpt-4o-mini",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"Hi!"},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}""")));
        System.setProperty(BASE_URL_PROPERTY, "http://127.0.0.1:" + server.port() + "/v1");
        System.getProperties().put(SERVER_PROPERTY, server);
    }

    /** JUnit side. */
    static void stop() {
        if (System.getProperties().remove(SERVER_PROPERTY) instanceof WireMockServer server) {
            server.stop();
        }
        System.clearProperty(BASE_URL_PROPERTY);
    }

    /** Application side. */
    static String baseUrl() {
        return System.getProperty(BASE_URL_PROPERTY);
    }
}
