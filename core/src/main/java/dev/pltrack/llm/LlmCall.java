package dev.pltrack.llm;

import dev.pltrack.TrackingContext;
import dev.pltrack.client.LogRequest;
import dev.pltrack.delivery.LogHandle;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One LLM call in progress, from {@link LlmCallLogger#start()}: when it started, and which
 * {@code @TrackMetadata} call (if any) was running where it started. {@link #finish} logs it, once.
 * Thread-safe: a streaming call usually finishes on another thread than the one it started on.
 */
public final class LlmCall {

    private final LlmCallLogger logger;
    private final Instant startedAt;
    private final long startedNanos;
    /** The {@code @TrackMetadata} calls in progress where this call started; {@code null} if none. */
    private final TrackingContext.LogRecorder recorder;
    private final AtomicBoolean finished = new AtomicBoolean();

    LlmCall(LlmCallLogger logger) {
        this.logger = logger;
        this.startedAt = Instant.now();
        this.startedNanos = System.nanoTime();
        this.recorder = logger.enabled() ? TrackingContext.recorder() : null;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /**
     * Logs the finished call, the first time it is called (later calls do nothing and answer empty).
     * Sets the request's times (the start, and now: measured on the monotonic clock, so never before
     * the start), adds the configured tags, keeps or drops text as configured, and submits it. The
     * {@code @TrackMetadata} call that was running where the call started hears of the log, whichever
     * thread this runs on. Never throws: a draft that cannot be built is counted and logged at WARN.
     *
     * @param draft the request as the integration read it from the call: everything but the times;
     *              not called when logging is off
     * @return the engine's handle on the log; empty when logging is off, this call was finished
     *         already, or the draft could not be built
     */
    public Optional<LogHandle> finish(Supplier<LogRequest.Builder> draft) {
        if (!finished.compareAndSet(false, true) || !logger.enabled()) {
            return Optional.empty();
        }
        Instant endedAt = startedAt.plusNanos(System.nanoTime() - startedNanos);
        LogRequest.Builder request;
        try {
            request = draft.get().times(startedAt, endedAt);
            logger.config().tags().forEach(request::tag);
        } catch (RuntimeException | LinkageError e) {
            logger.unmapped(e);
            return Optional.empty();
        }
        try {
            return submitWhereStarted(request);
        } catch (RuntimeException e) {
            logger.unmapped(e);
            return Optional.empty();
        }
    }

    /** Submits with the recorder of the thread the call started on, wherever this runs. */
    private Optional<LogHandle> submitWhereStarted(LogRequest.Builder request) {
        if (TrackingContext.recorder() == recorder) {
            return logger.submit(request);
        }
        TrackingContext.LogRecorder previous = TrackingContext.startRecording(recorder);
        try {
            return logger.submit(request);
        } finally {
            TrackingContext.restoreRecorder(previous);
        }
    }
}
