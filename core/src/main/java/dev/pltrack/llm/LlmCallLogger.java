package dev.pltrack.llm;

import dev.pltrack.client.InvalidTrackRequestException;
import dev.pltrack.client.LogRequest;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.delivery.LogHandle;
import dev.pltrack.internal.RateLimitedLog;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the LLM integrations hand over the calls they saw: {@link #start()} as a call starts,
 * {@link LlmCall#finish} when it ends. It applies the {@code promptlayer.logging.*} settings and
 * submits the log to the delivery engine, which sends it in the background; it never throws into the
 * LLM call.
 */
public final class LlmCallLogger {

    private static final Logger LOG = LoggerFactory.getLogger(LlmCallLogger.class);
    private static final LlmCallLogger DISABLED = new LlmCallLogger(null,
            LlmLoggingConfig.builder().enabled(false).build());

    private final DeliveryEngine engine;
    private final LlmLoggingConfig config;
    private final LoggedContent content;
    private final LongAdder submitted = new LongAdder();
    private final LongAdder unmapped = new LongAdder();
    private final RateLimitedLog unmappedLog = new RateLimitedLog(LOG, 1, TimeUnit.MINUTES);

    private LlmCallLogger(DeliveryEngine engine, LlmLoggingConfig config) {
        this.engine = engine;
        this.config = config;
        this.content = new LoggedContent(config);
    }

    /** Logs through {@code engine}, as {@code config} says (nothing at all when it is disabled). */
    public static LlmCallLogger of(DeliveryEngine engine, LlmLoggingConfig config) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(config, "config");
        return config.enabled() ? new LlmCallLogger(engine, config) : DISABLED;
    }

    /** Logs nothing: for {@code promptlayer.enabled=false}, where there is no engine. */
    public static LlmCallLogger disabled() {
        return DISABLED;
    }

    public boolean enabled() {
        return config.enabled();
    }

    public LlmLoggingConfig config() {
        return config;
    }

    /** An LLM call starts: call on the thread that makes it, so that an enclosing {@code @TrackMetadata} call hears of its log. */
    public LlmCall start() {
        return new LlmCall(this);
    }

    public LlmLoggingStats stats() {
        return new LlmLoggingStats(submitted.sum(), unmapped.sum());
    }

    /** The engine's handle on the log; empty when the request could not be built. */
    Optional<LogHandle> submit(LogRequest.Builder draft) {
        LogRequest request;
        try {
            request = content.apply(draft.build());
        } catch (InvalidTrackRequestException e) {
            // Its message names fields and rules, never values.
            unmapped(e.getMessage());
            return Optional.empty();
        }
        LogHandle handle = engine.log(request);
        submitted.increment();
        return Optional.of(handle);
    }

    /** A draft that could not even be made: the integration's mapping threw. */
    void unmapped(Throwable mappingFailure) {
        // The class only: the message of an arbitrary exception may carry prompt text.
        unmapped("the integration failed to read the call (" + mappingFailure.getClass().getName() + ")");
    }

    private void unmapped(String why) {
        unmapped.increment();
        unmappedLog.warn(left -> "An LLM call was not logged to PromptLayer: " + why
                + (left > 0 ? " (" + left + " more since the last warning)" : ""));
    }
}
