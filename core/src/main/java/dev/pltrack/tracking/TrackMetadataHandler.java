package dev.pltrack.tracking;

import dev.pltrack.TrackingContext;
import dev.pltrack.client.FailureReason;
import dev.pltrack.client.InvalidTrackRequestException;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.client.TrackResult;
import dev.pltrack.delivery.LogHandle;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where {@code @TrackMetadata} is carried out; every framework's interceptor calls it.
 *
 * <pre>{@code
 * // Spring MethodInterceptor, Micronaut MethodInterceptor, ArC @AroundInvoke alike:
 * return handler.invoke(method, targetClass, arguments, invocation::proceed);
 * }</pre>
 *
 * It runs the call with a {@link LoggedDuringCall} as the thread's {@link TrackingContext.LogRecorder}, resolves the
 * request id ({@link RequestIdResolver}: the {@code @PromptLayerRequestId} argument, else the return
 * value, else every request logged during the call, else the context's), merges the metadata
 * (defaults, context, static entries, {@code @MetadataParam} values, then
 * {@code error_type}/{@code error_message} on a throw), validates and hands the track to a
 * {@link TrackSink} (the delivery engine), which never blocks the caller; metadata for a request
 * logged during the call goes to its {@link LogHandle}, inside the log when it was not sent yet.
 * Results that complete later ({@code CompletionStage}, and what {@link AsyncResultAdapter}s add) are
 * tracked on completion. Each method is analysed once ({@link PlanCache}); misuse is logged once
 * per method.
 *
 * <p>Whatever goes wrong while tracking is counted ({@link #stats()}) and logged, never thrown into
 * the caller, unless {@link TrackingConfig#strict()} is on.
 */
public final class TrackMetadataHandler {

    private static final Logger LOG = LoggerFactory.getLogger(TrackMetadataHandler.class);

    private final TrackSink sink;
    private final TrackingConfig config;
    private final List<AsyncResultAdapter> adapters;
    private final PlanCache plans;
    private final TrackingCounters counters = new TrackingCounters();
    // Made once: a lambda capturing the plan would be allocated on every call.
    private final MethodPlan.UnconvertibleValues unconvertibleValues = this::unconvertibleValue;

    private TrackMetadataHandler(Builder builder) {
        this.sink = builder.sink;
        this.config = builder.config;
        List<AsyncResultAdapter> all = new ArrayList<>(builder.adapters);
        all.add(new CompletionStageAdapter());
        AsyncResultAdapter reactor = ReactorSupport.adapterIfPresent();
        if (reactor != null) {
            all.add(reactor);
        }
        this.adapters = List.copyOf(all);
        this.plans = new PlanCache(config, adapters);
    }

    /** @param sink where tracks go; usually {@code deliveryEngine::offer} */
    public static Builder builder(TrackSink sink) {
        return new Builder(sink);
    }

    public TrackingConfig config() {
        return config;
    }

    /**
     * Runs the call and tracks it. Returns what the method returned (for a type an
     * {@link AsyncResultAdapter} decorates, the equivalent decorated value) and throws what it threw.
     *
     * @param targetClass the class of the instance called (for annotations on it), or {@code null}
     */
    public Object invoke(Method method, Class<?> targetClass, Object[] arguments, Invocation invocation)
            throws Throwable {
        if (!config.enabled()) {
            return invocation.proceed();
        }
        return invoke(plan(method, targetClass), arguments, invocation);
    }

    /**
     * As {@link #invoke(Method, Class, Object[], Invocation)}, for an interceptor that keeps plans
     * of its own ({@link #plan}).
     */
    public Object invoke(MethodPlan plan, Object[] arguments, Invocation invocation) throws Throwable {
        if (!config.enabled() || !plan.annotated()) {
            return invocation.proceed();
        }
        LoggedDuringCall logged = new LoggedDuringCall(TrackingContext.recorder());
        TrackingContext.LogRecorder previous = TrackingContext.startRecording(logged);
        Object result;
        try {
            result = invocation.proceed();
        } catch (Throwable thrown) {
            TrackingContext.restoreRecorder(previous);
            try {
                afterThrowing(plan, arguments, thrown, logged);
            } finally {
                logged.endHolds();
            }
            throw thrown;
        }
        TrackingContext.restoreRecorder(previous);
        try {
            return afterReturning(plan, arguments, result, logged);
        } finally {
            logged.endHolds();
        }
    }

    /**
     * Wraps {@code target} in a JDK proxy of {@code type} whose calls go through {@link #invoke}: the
     * way to use {@code @TrackMetadata} without a framework. Annotations may sit on the interface or
     * on the target's class.
     *
     * <pre>{@code
     * ChatService chat = handler.proxy(ChatService.class, new OpenAiChatService());
     * }</pre>
     */
    public <T> T proxy(Class<T> type, T target) {
        return TrackingProxies.proxy(this, type, target);
    }

    /**
     * The analysis of {@code method} on {@code targetClass}, made on first use and cached. Frameworks
     * that check at build or start time read {@link MethodPlan#problems()} from it.
     */
    public MethodPlan plan(Method method, Class<?> targetClass) {
        return plans.plan(method, targetClass);
    }

    /**
     * For a framework that finds, at start-up, an annotated method its interception cannot reach (a
     * private method of a Spring bean): analysed and logged as {@link #plan} does, once, and counted
     * once as {@code misused}, since none of its calls will ever arrive here to be counted.
     */
    public MethodPlan reportUnreachable(Method method, Class<?> targetClass) {
        PlanCache.Lookup lookup = plans.lookUp(method, targetClass);
        MethodPlan plan = lookup.plan();
        if (lookup.analysedNow() && plan.annotated() && !plan.trackable()) {
            counters.misused.increment();
        }
        return plan;
    }

    /** Tracks a call that returned {@code result}; returns what the caller must receive. */
    private Object afterReturning(MethodPlan plan, Object[] arguments, Object result, LoggedDuringCall logged) {
        if (!ready(plan)) {
            return result;
        }
        TrackingContext context = TrackingContext.current();
        AsyncResultAdapter async = plan.asyncAdapter();
        if (async == null && result != null && !plan.hasRequestIdParameter()) {
            // A method declared to return Object may still hand back a CompletionStage.
            async = adapterFor(result);
        }
        try {
            if (async != null && result != null) {
                return async.whenComplete(result,
                        (value, failure) -> completeQuietly(plan, arguments, context, logged, value, failure));
            }
            track(plan, arguments, context, logged, result, null);
        } catch (TrackingException strictFailure) {
            throw strictFailure;
        } catch (RuntimeException unexpected) {
            failedUnexpectedly(plan, unexpected);
        }
        return result;
    }

    /**
     * Tracks a call that threw {@code thrown} (with {@code error_type} and {@code error_message}),
     * when the annotation asks for it. Never throws: in strict mode a tracking failure is added to
     * {@code thrown} as suppressed.
     */
    private void afterThrowing(MethodPlan plan, Object[] arguments, Throwable thrown, LoggedDuringCall logged) {
        if (!plan.trackExceptions()) {
            return;
        }
        try {
            if (ready(plan)) {
                track(plan, arguments, TrackingContext.current(), logged, null, thrown);
            }
        } catch (TrackingException strictFailure) {
            thrown.addSuppressed(strictFailure);
        } catch (RuntimeException unexpected) {
            failedUnexpectedly(plan, unexpected);
        }
    }

    private void unconvertibleValue(MethodPlan plan, String key, IllegalArgumentException conversion) {
        counters.unconvertible.increment();
        if (plan.conversionLogged.compareAndSet(false, true)) {
            LOG.warn("@TrackMetadata on {}: the value of metadata[\"{}\"] {}; the key is left out (logged once"
                    + " per method)", plan.method(), key, conversion.getMessage());
        }
    }

    /** A bug (in an adapter, a sink or pltrack itself) costs the track, never the caller's call. */
    private void failedUnexpectedly(MethodPlan plan, RuntimeException unexpected) {
        counters.errors.increment();
        if (plan.errorLogged.compareAndSet(false, true)) {
            LOG.error("@TrackMetadata on {}: tracking failed unexpectedly; the call went on untracked (logged once"
                    + " per method; TrackingStats counts every occurrence)", plan.method(), unexpected);
        }
    }

    public TrackingStats stats() {
        return counters.snapshot();
    }

    private boolean ready(MethodPlan plan) {
        if (!plan.trackable()) {
            counters.misused.increment();
            if (config.strict()) {
                throw new TrackingException(FailureReason.INVALID_REQUEST, plan.problems().toString(), null);
            }
            return false;
        }
        return true;
    }

    private AsyncResultAdapter adapterFor(Object result) {
        for (AsyncResultAdapter adapter : adapters) {
            if (adapter.supports(result.getClass())) {
                return adapter;
            }
        }
        return null;
    }

    /** Completion callbacks run on someone else's thread: nothing may escape them, strict or not. */
    private void completeQuietly(MethodPlan plan, Object[] arguments, TrackingContext context,
            LoggedDuringCall logged, Object value, Throwable failure) {
        try {
            if (failure == null) {
                track(plan, arguments, context, logged, value, null);
            } else if (plan.trackExceptions()) {
                track(plan, arguments, context, logged, null, failure);
            }
        } catch (TrackingException strictFailure) {
            LOG.error("Could not track the asynchronous result of {}", plan.method(), strictFailure);
        } catch (RuntimeException unexpected) {
            failedUnexpectedly(plan, unexpected);
        }
    }

    private void track(MethodPlan plan, Object[] arguments, TrackingContext context, LoggedDuringCall logged,
            Object returned, Throwable thrown) {
        RequestIdSource source = RequestIdResolver.resolve(plan, arguments, returned, thrown, logged, context);
        if (source instanceof RequestIdSource.Unreadable unreadable) {
            reject(plan, plan.invalidLogged, counters.invalid, unreadable.why(), unreadable.cause());
            return;
        }
        if (source instanceof RequestIdSource.None) {
            reject(plan, plan.noRequestIdLogged, counters.noRequestId,
                    "no request id found (no @PromptLayerRequestId argument, no id in the return value, no request"
                            + " logged during the call, none in the TrackingContext); the call was not tracked", null);
            return;
        }
        Map<String, String> metadata = plan.metadata(arguments, context, thrown, unconvertibleValues);
        if (source instanceof RequestIdSource.Logged toLogs) {
            for (LogHandle log : toLogs.logs()) {
                sendToLog(plan, log, metadata);
            }
            return;
        }
        long requestId = ((RequestIdSource.Known) source).requestId();
        TrackRequest request;
        try {
            request = TrackRequest.of(requestId, metadata);
        } catch (InvalidTrackRequestException broken) {
            reject(plan, plan.invalidLogged, counters.invalid, broken.getMessage(), broken);
            return;
        }
        accepted(plan, sink.offer(request), "request " + requestId);
    }

    /** Metadata for a request logged during the call: inside the log if it was not sent yet. */
    private void sendToLog(MethodPlan plan, LogHandle log, Map<String, String> metadata) {
        CompletableFuture<TrackResult> sent;
        try {
            sent = log.track(metadata);
        } catch (InvalidTrackRequestException broken) {
            reject(plan, plan.invalidLogged, counters.invalid, broken.getMessage(), broken);
            return;
        }
        // A refusal (queue full, engine closed) fails the future at once; the engine counted it.
        accepted(plan, !sent.isCompletedExceptionally(), "the request logged during the call");
    }

    private void accepted(MethodPlan plan, boolean accepted, String forWhat) {
        if (accepted) {
            counters.tracked.increment();
            return;
        }
        // The engine counted and reported the refusal; strict mode still tells the caller.
        counters.refused.increment();
        if (config.strict()) {
            throw new TrackingException(FailureReason.QUEUE_FULL, "@TrackMetadata on " + plan.method()
                    + ": the delivery engine refused the track for " + forWhat, null);
        }
    }

    private void reject(MethodPlan plan, AtomicBoolean loggedOnce, LongAdder counter, String why, Throwable cause) {
        counter.increment();
        String message = "@TrackMetadata on " + plan.method() + ": " + why;
        if (config.strict()) {
            throw new TrackingException(FailureReason.INVALID_REQUEST, message, cause);
        }
        if (loggedOnce.compareAndSet(false, true)) {
            LOG.warn("{} (logged once per method; TrackingStats counts every occurrence)", message);
        }
    }

    public static final class Builder {
        private final TrackSink sink;
        private TrackingConfig config = TrackingConfig.defaults();
        private final List<AsyncResultAdapter> adapters = new ArrayList<>();

        private Builder(TrackSink sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        public Builder config(TrackingConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** Adds a return type that completes later; consulted before the built-in {@code CompletionStage}. */
        public Builder asyncResultAdapter(AsyncResultAdapter adapter) {
            adapters.add(Objects.requireNonNull(adapter, "adapter"));
            return this;
        }

        public TrackMetadataHandler build() {
            return new TrackMetadataHandler(this);
        }
    }
}
