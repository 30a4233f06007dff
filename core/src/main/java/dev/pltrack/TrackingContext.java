package dev.pltrack;

import dev.pltrack.client.MetadataKeys;
import dev.pltrack.client.MetadataValues;
import dev.pltrack.delivery.LogHandle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
 * <p>A context also carries who wants to hear of LLM calls logged in it: each {@link TrackMetadata}
 * call in progress, so that a request logged during the call ({@link
 * dev.pltrack.delivery.DeliveryEngine#log}, on the call's thread or on work handed over with
 * {@link #wrap}) becomes the call's request id when nothing else gives one.
 */
public final class TrackingContext {

    private static final TrackingContext EMPTY = new TrackingContext(0, Map.of(), List.of());
    private static final ThreadLocal<TrackingContext> CURRENT = new ThreadLocal<>();

    private final long requestId;
    private final Map<String, String> metadata;
    private final List<LogRecorder> recorders;

    /** Hears each request logged while a context holding it is current. */
    @FunctionalInterface
    public interface LogRecorder {
        /**
         * Called on the logging thread, before the log can be sent; must be quick and must not throw.
         *
         * @return true to hold the log back until this recorder calls {@link LogHandle#release()}
         *         (so that what it adds travels inside the log), false to let it go
         */
        boolean logged(LogHandle log);
    }

    private TrackingContext(long requestId, Map<String, String> metadata, List<LogRecorder> recorders) {
        this.requestId = requestId;
        this.metadata = metadata;
        this.recorders = recorders;
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
        return new TrackingContext(requestId, metadata, recorders);
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
        return new TrackingContext(requestId, Collections.unmodifiableMap(next), recorders);
    }

    /** This context with every entry of {@code values}, as {@link #with} one by one. */
    public TrackingContext withAll(Map<String, ?> values) {
        TrackingContext context = this;
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            context = context.with(entry.getKey(), entry.getValue());
        }
        return context;
    }

    /**
     * This context with one more {@link LogRecorder}, which hears of each request logged while it is
     * current (with those it had): what pltrack's {@code @TrackMetadata} handler opens around a call.
     */
    public TrackingContext recordingLogs(LogRecorder recorder) {
        Objects.requireNonNull(recorder, "recorder");
        if (recorders.isEmpty()) {
            // The common case, on every annotated call: one small list.
            return new TrackingContext(requestId, metadata, List.of(recorder));
        }
        List<LogRecorder> more = new ArrayList<>(recorders.size() + 1);
        more.addAll(recorders);
        more.add(recorder);
        return new TrackingContext(requestId, metadata, List.copyOf(more));
    }

    /**
     * Tells every recorder in this context that {@code log} was logged ({@code DeliveryEngine#log}
     * calls it).
     *
     * @return how many recorders hold it back (each releases it once)
     */
    public int logged(LogHandle log) {
        int holds = 0;
        for (LogRecorder recorder : recorders) {
            if (recorder.logged(log)) {
                holds++;
            }
        }
        return holds;
    }

    /** Makes this context current on this thread until the scope is closed, which restores the one before. */
    public Scope open() {
        TrackingContext previous = CURRENT.get();
        CURRENT.set(this);
        return new Scope(this, previous);
    }

    /** Runs {@code task} with this context current, wherever it runs. */
    public Runnable wrap(Runnable task) {
        Objects.requireNonNull(task, "task");
        return () -> {
            try (Scope ignored = open()) {
                task.run();
            }
        };
    }

    /** Calls {@code task} with this context current, wherever it runs. */
    public <V> Callable<V> wrap(Callable<V> task) {
        Objects.requireNonNull(task, "task");
        return () -> {
            try (Scope ignored = open()) {
                return task.call();
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
