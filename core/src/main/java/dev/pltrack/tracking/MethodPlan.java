package dev.pltrack.tracking;

import dev.pltrack.HasPromptLayerRequestId;
import dev.pltrack.TrackingContext;
import dev.pltrack.client.MetadataValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What {@link MethodAnalyzer} learned about one annotated method, once: where its request id and
 * metadata come from and what is wrong with it. Calls then only read arrays and maps, never
 * reflection.
 */
public final class MethodPlan {

    static final String ERROR_TYPE = "error_type";
    static final String ERROR_MESSAGE = "error_message";
    private static final int MAX_ERROR_MESSAGE_LENGTH = 2000;

    private final String method;
    private final boolean annotated;
    private final boolean trackExceptions;
    private final Map<String, String> defaults;
    private final Map<String, String> staticEntries;
    private final Map<String, String> defaultsThenStatic;
    private final int requestIdParameter;
    private final int[] metadataParameters;
    private final String[] metadataKeys;
    private final AsyncResultAdapter asyncAdapter;
    private final List<TrackingProblem> problems;
    private final boolean trackable;
    // Each kind of runtime trouble is logged once per method; the counters keep the totals.
    final AtomicBoolean noRequestIdLogged = new AtomicBoolean();
    final AtomicBoolean invalidLogged = new AtomicBoolean();
    final AtomicBoolean conversionLogged = new AtomicBoolean();
    final AtomicBoolean errorLogged = new AtomicBoolean();

    MethodPlan(String method, boolean annotated, boolean trackExceptions, Map<String, String> defaults,
            Map<String, String> staticEntries, int requestIdParameter, int[] metadataParameters,
            String[] metadataKeys, AsyncResultAdapter asyncAdapter, List<TrackingProblem> problems) {
        this.method = method;
        this.annotated = annotated;
        this.trackExceptions = trackExceptions;
        this.defaults = defaults;
        this.staticEntries = staticEntries;
        Map<String, String> merged = new LinkedHashMap<>(defaults);
        merged.putAll(staticEntries);
        this.defaultsThenStatic = merged;
        this.requestIdParameter = requestIdParameter;
        this.metadataParameters = metadataParameters;
        this.metadataKeys = metadataKeys;
        this.asyncAdapter = asyncAdapter;
        this.problems = List.copyOf(problems);
        this.trackable = annotated
                && problems.stream().noneMatch(problem -> problem.severity() == TrackingProblem.Severity.ERROR);
    }

    static MethodPlan notAnnotated(String method) {
        return new MethodPlan(method, false, false, Map.of(), Map.of(), -1, new int[0], new String[0], null, List.of());
    }

    /** The method, as {@code com.acme.Chat.answer(String, long)}. */
    public String method() {
        return method;
    }

    /** Whether {@code @TrackMetadata} applies to the method (on it, or on its type for a public method). */
    public boolean annotated() {
        return annotated;
    }

    /** Annotated and free of {@link TrackingProblem.Severity#ERROR errors}: calls are tracked. */
    public boolean trackable() {
        return trackable;
    }

    public List<TrackingProblem> problems() {
        return problems;
    }

    boolean trackExceptions() {
        return trackExceptions;
    }

    /** The adapter for a return type that completes later, or {@code null}. */
    AsyncResultAdapter asyncAdapter() {
        return asyncAdapter;
    }

    boolean hasRequestIdParameter() {
        return requestIdParameter >= 0;
    }

    /**
     * The id from the {@code @PromptLayerRequestId} argument; {@code null} when there is none or it
     * is {@code null}.
     *
     * @throws NumberFormatException when a text argument is not a number
     */
    Long requestIdFromArguments(Object[] arguments) {
        if (requestIdParameter < 0) {
            return null;
        }
        Object argument = arguments[requestIdParameter];
        if (argument instanceof Number number) {
            return number.longValue();
        }
        if (argument instanceof CharSequence text) {
            return Long.parseLong(text.toString().strip());
        }
        return null;
    }

    /** The id a returned value carries, or {@code null}. */
    static Long requestIdFromValue(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        if (value instanceof HasPromptLayerRequestId carrier) {
            return carrier.promptLayerRequestId();
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(MethodPlan::requestIdFromValue).orElse(null);
        }
        return null;
    }

    /**
     * The merged metadata: defaults, context, static entries, parameters, then the error (if any).
     *
     * @param unconvertible told the key of each argument that could not become text (it is left out)
     */
    Map<String, String> metadata(Object[] arguments, TrackingContext context, Throwable error,
            UnconvertibleValues unconvertible) {
        Map<String, String> metadata;
        if (context.metadata().isEmpty()) {
            metadata = new LinkedHashMap<>(defaultsThenStatic);
        } else {
            metadata = new LinkedHashMap<>(defaults);
            metadata.putAll(context.metadata());
            metadata.putAll(staticEntries);
        }
        for (int i = 0; i < metadataParameters.length; i++) {
            try {
                String text = MetadataValues.toText(arguments[metadataParameters[i]]);
                if (text != null) {
                    metadata.put(metadataKeys[i], text);
                }
            } catch (IllegalArgumentException e) {
                unconvertible.report(this, metadataKeys[i], e);
            }
        }
        if (error != null) {
            metadata.put(ERROR_TYPE, error.getClass().getName());
            String message = messageOf(error);
            if (message != null) {
                metadata.put(ERROR_MESSAGE, message.length() <= MAX_ERROR_MESSAGE_LENGTH
                        ? message
                        : message.substring(0, MAX_ERROR_MESSAGE_LENGTH) + "...");
            }
        }
        return metadata;
    }

    /** The message, or {@code null} when there is none or reading it fails (it is the caller's exception). */
    private static String messageOf(Throwable error) {
        try {
            return error.getMessage();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "MethodPlan{" + method + ", trackable=" + trackable + ", problems=" + problems + "}";
    }

    /** Hears of an argument that could not become text (its key is left out). */
    @FunctionalInterface
    interface UnconvertibleValues {
        void report(MethodPlan plan, String key, IllegalArgumentException conversion);
    }
}
