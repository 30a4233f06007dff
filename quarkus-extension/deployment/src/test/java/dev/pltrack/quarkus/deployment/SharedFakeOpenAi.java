package dev.pltrack.quarkus.deployment;

import dev.pltrack.testkit.FakeOpenAi;

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
        FakeOpenAi server = FakeOpenAi.start();
        server.answers("gpt-4o-mini", "Hi!", 5, 2);
        System.setProperty(BASE_URL_PROPERTY, server.baseUrl());
        System.getProperties().put(SERVER_PROPERTY, server);
    }

    /** JUnit side. */
    static void stop() {
        if (System.getProperties().remove(SERVER_PROPERTY) instanceof FakeOpenAi server) {
            server.close();
        }
        System.clearProperty(BASE_URL_PROPERTY);
    }

    /** Application side. */
    static String baseUrl() {
        return System.getProperty(BASE_URL_PROPERTY);
    }
}
