package dev.pltrack;

import dev.pltrack.client.MetadataKeys;
import dev.pltrack.client.MetadataValues;
import dev.pltrack.delivery.LogHandle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * Metadata and a request id in scope for the current thread, which every {@link TrackMetadata} call
 * made inside the scope picks up: a web filter can put the session and user there once instead of
 * passing them to every method. Immutable; {@link #open()} makes one current until the returned
 * scope closes.
 *
 * <pre>{@code
 * try (TrackingContext.Scope scope = TrackingContext.current()
 *         .with("session_id", session.getId())
 *         .with("user_id", user.id())
 *         .open()) {
 *     chain.doFilter(request, response);
 * }
 * }</pre>
 *
 * <p>A context does not follow work to other threads by itself (thread pools reuse threads, so an
 * inherited value would leak to unrelated work). Hand it over explicitly:
 * {@code executor.execute(TrackingContext.current().wrap(task))}.
 *
 * <p>Values are converted to text when put, as {@link MetadataParam} values are; a {@code null}
 * value removes the key from this context.
 *
 * <p>Beside the context, a thread has a {@link LogRecorder}: the {@link TrackMetadata} calls in
 * progress, which hear of each LLM call logged ({@link dev.pltrack.delivery.DeliveryEngine#log}) on
 * the call's thread or on work handed over with {@link #wrap}, so that a request logged during the
 * call becomes its request id when nothing else gives one.
 */
public final class TrackingContext {

    private static final TrackingContext EMPTY = new TrackingContext(0, Map.of());
    private static final ThreadLocal<TrackingContext> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<LogRecorder> RECORDER = new ThreadLocal<>();

    private final long requestId;
    private final Map<String, String> metadata;

    /**
     * Hears each request logged while it is this thread's recorder: pltrack's {@code @TrackMetadata}
     * handler makes one per call, chained to the one of the enclosing call.
     */
    @FunctionalInterface
    public interface LogRecorder {
        /**
         * Called on the logging thread, before the log can be sent; must be quick and must not throw.
         *
         * @return how many holds were taken on the log (this recorder's and those it chains to), each
         *         ended by one {@link LogHandle#release()}, so that what they add travels inside the log
         */
        int logged(LogHandle log);
    }

    private TrackingContext(long requestId, Map<String, String> metadata) {
        this.requestId = requestId;
        this.metadata = metadata;
    }

    /** The context in scope on this thread; {@link #empty()} outside any scope. */
    public static TrackingContext current() {
        TrackingContext current = CURRENT.get();
        return current != null ? current : EMPTY;
    }

    public static TrackingContext empty() {
        return EMPTY;
    }

    /** The request id in scope, if any. */
    public OptionalLong requestId() {
        return requestId > 0 ? OptionalLong.of(requestId) : OptionalLong.empty();
    }

    /** The metadata in scope, in the order it was put; unmodifiable. */
    public Map<String, String> metadata() {
        return metadata;
    }

    public boolean isEmpty() {
        return requestId == 0 && metadata.isEmpty();
    }

    /**
     * This context with a request id.
     *
     * @throws IllegalArgumentException if {@code requestId} is not positive
     */
    public TrackingContext withRequestId(long requestId) {
        if (requestId <= 0) {
            throw new IllegalArgumentException("request_id must be a positive integer (was " + requestId + ")");
        }
        return new TrackingContext(requestId, metadata);
    }

    /**
     * This context with one more entry (replacing the key's value if present); a {@code null} value
     * removes the key.
     *
     * @throws IllegalArgumentException if the key is blank or the value cannot be turned into text
     */
    public TrackingContext with(String key, Object value) {
        String keyRule = MetadataKeys.ruleBroken(key);
        if (keyRule != null) {
            throw new IllegalArgumentException("metadata key " + keyRule + " (was \"" + key + "\")");
        }
        String text;
        try {
            text = MetadataValues.toText(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("metadata[\"" + key + "\"] " + e.getMessage(), e);
        }
        Map<String, String> next = new LinkedHashMap<>(metadata);
        if (text == null) {
            next.remove(key);
        } else {
            next.put(key, text);
        }
        return new TrackingContext(requestId, Collections.unmodifiableMap(next));
    }

    /** This context with every entry of {@code values}, as {@link #with} one by one. */
    public TrackingContext withAll(Map<String, ?> values) {
        TrackingContext context = this;
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            context = context.with(entry.getKey(), entry.getValue());
        }
        return context;
    }

    /** This thread's log recorder, or {@code null}: what a new recorder chains to. */
    public static LogRecorder recorder() {
        return RECORDER.get();
    }

    /**
     * Makes {@code recorder} this thread's (it chains to the one before it by itself) and answers the
     * one before, which {@link #restoreRecorder} puts back: a pair around an annotated call, cheaper
     * than a scope, since every annotated call does it.
     */
    public static LogRecorder startRecording(LogRecorder recorder) {
        LogRecorder previous = RECORDER.get();
        RECORDER.set(recorder);
        return previous;
    }

    /** Puts back the recorder {@link #startRecording} answered. */
    public static void restoreRecorder(LogRecorder previous) {
        if (previous == null) {
            RECORDER.remove();
        } else {
            RECORDER.set(previous);
        }
    }

    /**
     * Tells this thread's recorder that {@code log} was logged ({@code DeliveryEngine#log} calls it).
     *
     * @return how many holds were taken on it (each released once)
     */
    public static int logged(LogHandle log) {
        LogRecorder recorder = RECORDER.get();
        return recorder == null ? 0 : recorder.logged(log);
    }

    /** Makes this context current on this thread until the scope is closed, which restores the one before. */
    public Scope open() {
        TrackingContext previous = CURRENT.get();
        CURRENT.set(this);
        return new Scope(this, previous);
    }

    /**
     * Runs {@code task} with this context current, wherever it runs, and with the log recorder of the
     * thread that wraps it (so that what the task logs counts for the annotated call that handed it over).
     */
    public Runnable wrap(Runnable task) {
        Objects.requireNonNull(task, "task");
        LogRecorder recorder = RECORDER.get();
        return () -> {
            LogRecorder previous = startRecording(recorder);
            try (Scope ignored = open()) {
                task.run();
            } finally {
                restoreRecorder(previous);
            }
        };
    }

    /** Calls {@code task} as {@link #wrap(Runnable)} runs one. */
    public <V> Callable<V> wrap(Callable<V> task) {
        Objects.requireNonNull(task, "task");
        LogRecorder recorder = RECORDER.get();
        return () -> {
            LogRecorder previous = startRecording(recorder);
            try (Scope ignored = open()) {
                return task.call();
            } finally {
                restoreRecorder(previous);
            }
        };
    }

    /** An executor that runs each task with this context current. */
    public Executor wrap(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return task -> executor.execute(wrap(task));
    }

    /** Metadata keys only: values may be personal data. */
    @Override
    public String toString() {
        return "TrackingContext{requestId=" + (requestId > 0 ? requestId : "none") + ", keys=" + metadata.keySet() + "}";
    }

    /** The time a context is current; closing it restores the context that was current before. */
    public static final class Scope implements AutoCloseable {
        private final TrackingContext context;
        private final TrackingContext previous;
        private boolean closed;

        private Scope(TrackingContext context, TrackingContext previous) {
            this.context = context;
            this.previous = previous;
        }

        public TrackingContext context() {
            return context;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
