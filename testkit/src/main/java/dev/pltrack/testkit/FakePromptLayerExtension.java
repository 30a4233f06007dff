package dev.pltrack.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts and stops a {@link FakePromptLayer} around JUnit Jupiter tests, so that a test never leaks
 * a server or sees another test's recordings.
 *
 * <ul>
 *   <li>{@code @RegisterExtension static final FakePromptLayerExtension promptLayer = new
 *       FakePromptLayerExtension();} one server for the class (and its {@code @Nested} classes),
 *       {@link FakePromptLayer#reset() reset} before each test. The cheap and usual choice.
 *   <li>The same as an instance field: a fresh server for each test.
 *   <li>{@code @ExtendWith(FakePromptLayerExtension.class)}: one server for the class, injected
 *       into any {@code FakePromptLayer} parameter of a test, lifecycle method or constructor.
 * </ul>
 *
 * <p>With a class-wide server, tests of that class must not run concurrently with each other, as
 * the reset before each test clears what the others recorded.
 */
public final class FakePromptLayerExtension
        implements BeforeAllCallback,
                AfterAllCallback,
                BeforeEachCallback,
                AfterEachCallback,
                ParameterResolver {

    private final String apiKey;
    private volatile FakePromptLayer server;

    /** The container that started a class-wide server and therefore stops it; null if per test. */
    private volatile String ownerId;

    private volatile boolean perTest;

    /** A fake accepting {@link FakePromptLayer#DEFAULT_API_KEY}. */
    public FakePromptLayerExtension() {
        this(FakePromptLayer.DEFAULT_API_KEY);
    }

    /** A fake accepting {@code apiKey}. */
    public FakePromptLayerExtension(String apiKey) {
        // Validates the key now rather than in the middle of a test run.
        FakePromptLayer.builder().apiKey(apiKey);
        this.apiKey = apiKey;
    }

    /** The running fake. */
    public FakePromptLayer server() {
        FakePromptLayer current = server;
        if (current == null) {
            throw new IllegalStateException(
                    "The fake PromptLayer is not running: it runs from before all tests (static field or"
                            + " @ExtendWith) or before each test (instance field) until after them");
        }
        return current;
    }

    /** The running fake's {@link FakePromptLayer#baseUrl()}. */
    public String baseUrl() {
        return server().baseUrl();
    }

    /** The key the fake accepts (known before it starts). */
    public String apiKey() {
        return apiKey;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startForClass(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(ownerId)) {
            stop();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (server == null) {
            // Registered through an instance field: JUnit skips beforeAll, so each test gets its
            // own.
            perTest = true;
            server = FakePromptLayer.builder().apiKey(apiKey).start();
        } else {
            server.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FakePromptLayer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (server == null) {
            // A constructor parameter under @TestInstance(PER_CLASS) is resolved before beforeAll.
            startForClass(context);
        }
        return server();
    }

    private synchronized void startForClass(ExtensionContext context) {
        if (server == null) {
            server = FakePromptLayer.builder().apiKey(apiKey).start();
            ownerId = classContextId(context);
            perTest = false;
        }
    }

    /** The class-level container's id, so that the server stops when that class is done. */
    private static String classContextId(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current.getUniqueId();
    }

    private synchronized void stop() {
        FakePromptLayer current = server;
        server = null;
        ownerId = null;
        perTest = false;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public String toString() {
        FakePromptLayer current = server;
        return "FakePromptLayerExtension[" + (current == null ? "not running" : current) + "]";
    }
}
