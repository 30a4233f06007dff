package dev.pltrack.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Demo mode for example applications: without {@value #API_KEY_ENV} in the environment, a
 * {@link FakePromptLayer} is started on 127.0.0.1 and {@link #properties()} points pltrack at it;
 * with a key, nothing is started and the application talks to the configured PromptLayer.
 *
 * <p>The examples of every framework use this one class, so that "run without a key and see what
 * PromptLayer would have received" behaves the same everywhere.
 */
public final class DemoMode implements AutoCloseable {

    /** The environment variable that holds a real API key; when it is set, demo mode is off. */
    public static final String API_KEY_ENV = "PROMPTLAYER_API_KEY";

    private final FakePromptLayer fake;

    private DemoMode(FakePromptLayer fake) {
        this.fake = fake;
    }

    /** Starts a fake PromptLayer unless {@value #API_KEY_ENV} is set and not blank. */
    public static DemoMode fromEnvironment() {
        return fromEnvironment(System::getenv);
    }

    /** As {@link #fromEnvironment()}, reading variables through {@code environment} (for tests). */
    public static DemoMode fromEnvironment(Function<String, String> environment) {
        String key = Objects.requireNonNull(environment, "environment").apply(API_KEY_ENV);
        return new DemoMode(key == null || key.isBlank() ? FakePromptLayer.start() : null);
    }

    /** Whether the application runs against the fake (no key was given). */
    public boolean active() {
        return fake != null;
    }

    /** The fake PromptLayer, when demo mode is active. */
    public Optional<FakePromptLayer> fake() {
        return Optional.ofNullable(fake);
    }

    /**
     * The pltrack properties that point an application at the fake ({@code promptlayer.api-key} and
     * {@code promptlayer.base-url}), or an empty map when demo mode is off.
     */
    public Map<String, String> properties() {
        if (fake == null) {
            return Map.of();
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("promptlayer.api-key", fake.apiKey());
        properties.put("promptlayer.base-url", fake.baseUrl());
        return Map.copyOf(properties);
    }

    /** One line that tells the user which PromptLayer the application talks to. */
    public String banner() {
        return fake == null
                ? API_KEY_ENV + " is set: tracking against the configured PromptLayer"
                : "No " + API_KEY_ENV + " set: demo mode against a fake PromptLayer at " + fake.baseUrl();
    }

    /**
     * What the fake received, one line per HTTP call to any endpoint in arrival order, then what it
     * stores per request id as PromptLayer merges it: metadata, and scores and prompt links when
     * there are any. API keys are never part of it.
     */
    public String report() {
        if (fake == null) {
            return "Not in demo mode: see PromptLayer's dashboard for what was tracked.";
        }
        List<RecordedCall> calls = fake.calls();
        StringBuilder text = new StringBuilder();
        text.append("What the fake PromptLayer received (")
                .append(calls.size())
                .append(" requests):\n");
        for (RecordedCall call : calls) {
            text.append("  ").append(CallReport.summary(call)).append('\n');
        }
        Set<Long> ids = new TreeSet<>();
        calls.stream().filter(RecordedCall::accepted).forEach(call -> ids.add(call.requestId()));
        text.append("Metadata stored per request (later tracks win on the same key):\n");
        perId(text, ids, id -> holdsMetadata(id) ? fake.metadataFor(id).toString() : "");
        StringBuilder scores = new StringBuilder();
        perId(scores, ids, id -> fake.scoresFor(id).isEmpty() ? "" : fake.scoresFor(id).toString());
        if (scores.length() > 0) {
            text.append("Scores stored per request (a later score of a name wins):\n").append(scores);
        }
        StringBuilder links = new StringBuilder();
        perId(links, ids, id -> fake.promptLinkFor(id).map(DemoMode::describe).orElse(""));
        if (links.length() > 0) {
            text.append("Prompt templates linked per request (the latest link wins):\n")
                    .append(links);
        }
        return text.toString();
    }

    private boolean holdsMetadata(long id) {
        return fake.loggedRequest(id).isPresent() || fake.trackedRequestIds().contains(id);
    }

    /** One line {@code "  id: shown"} per id whose shown text is not empty. */
    private static void perId(StringBuilder text, Set<Long> ids, LongFunction<String> shown) {
        for (long id : ids) {
            String line = shown.apply(id);
            if (!line.isEmpty()) {
                text.append("  ").append(id).append(": ").append(line).append('\n');
            }
        }
    }

    private static String describe(RecordedPromptLink link) {
        return link.promptName()
                + (link.version() == null ? "" : " version " + link.version())
                + (link.label() == null ? "" : " label " + link.label());
    }

    /** Stops the fake, if one was started. */
    @Override
    public void close() {
        if (fake != null) {
            fake.close();
        }
    }

    @Override
    public String toString() {
        return fake == null ? "DemoMode[off]" : "DemoMode[fake at " + fake.baseUrl() + "]";
    }
}
