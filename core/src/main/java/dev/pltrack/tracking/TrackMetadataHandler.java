package dev.pltrack.tracking;

import dev.pltrack.TrackingContext;
import dev.pltrack.client.FailureReason;
import dev.pltrack.client.InvalidTrackRequestException;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.tracking.TrackingProblem.Severity;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
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
 * It resolves the request id (the {@code @PromptLayerRequestId} argument, else the return value,
 * else the {@link TrackingContext}), merges the metadata (defaults, context, static entries,
 * {@code @MetadataParam} values, then {@code error_type}/{@code error_message} on a throw), validates
 * and hands the track to a {@link TrackSink} (the delivery engine), which never blocks the caller.
 * Results that complete later ({@code CompletionStage}, and what {@link AsyncResultAdapter}s add) are
 * tracked on completion. Each method is analysed once ({@link MethodPlan}); misuse is logged once
 * per method.
 *
 * <p>Whatever goes wrong while tracking is counted ({@link #stats()}) and logged, never thrown into
 * the caller, unless {@link TrackingConfig#strict()} is on.
 */
public final class TrackMetadataHandler {

    private static final Logger LOG = LoggerFactory.getLogger(TrackMetadataHandler.class);
    private static final Object[] NO_ARGUMENTS = {};

    private final TrackSink sink;
    private final TrackingConfig config;
    private final List<AsyncResultAdapter> adapters;
    private final ConcurrentHashMap<PlanKey, MethodPlan> plans = new ConcurrentHashMap<>();
    private final LongAdder tracked = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder noRequestId = new LongAdder();
    private final LongAdder invalid = new LongAdder();
    private final LongAdder misused = new LongAdder();
    private final LongAdder unconvertible = new LongAdder();
    private final LongAdder errors = new LongAdder();
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
        MethodPlan plan = plan(method, targetClass);
        if (!plan.annotated()) {
            return invocation.proceed();
        }
        Object result;
        try {
            result = invocation.proceed();
        } catch (Throwable thrown) {
            afterThrowing(plan, arguments, thrown);
            throw thrown;
        }
        return afterReturning(plan, arguments, result);
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
        Objects.requireNonNull(target, "target");
        if (!type.isInterface()) {
            throw new IllegalArgumentException(type.getName() + " is not an interface; JDK proxies need one");
        }
        Class<?> targetClass = target.getClass();
        // The interface may be package-private in another package: open its methods once, up front.
        Map<Method, Method> callable = new HashMap<>();
        for (Method method : type.getMethods()) {
            method.trySetAccessible();
            callable.put(method, method);
        }
        InvocationHandler calls = (proxy, method, arguments) -> {
            Object[] actual = arguments != null ? arguments : NO_ARGUMENTS;
            Method targetMethod = callable.getOrDefault(method, method);
            Invocation call = () -> {
                try {
                    return targetMethod.invoke(target, actual);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            // toString, equals and hashCode go straight to the target.
            return method.getDeclaringClass() == Object.class
                    ? call.proceed()
                    : invoke(method, targetClass, actual, call);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, calls));
    }

    /**
     * The analysis of {@code method} on {@code targetClass}, made on first use and cached. Frameworks
     * that check at build or start time read {@link MethodPlan#problems()} from it.
     */
    public MethodPlan plan(Method method, Class<?> targetClass) {
        PlanKey key = new PlanKey(method, targetClass);
        MethodPlan plan = plans.get(key);
        return plan != null ? plan : plans.computeIfAbsent(key, this::analyze);
    }

    /**
     * For a framework that finds, at start-up, an annotated method its interception cannot reach (a
     * private method of a Spring bean): analysed and logged as {@link #plan} does, once, and counted
     * once as {@code misused}, since none of its calls will ever arrive here to be counted.
     */
    public MethodPlan reportUnreachable(Method method, Class<?> targetClass) {
        PlanKey key = new PlanKey(method, targetClass);
        boolean[] analysedNow = {false};
        MethodPlan plan = plans.computeIfAbsent(key, unused -> {
            analysedNow[0] = true;
            return analyze(key);
        });
        if (analysedNow[0] && plan.annotated() && !plan.trackable()) {
            misused.increment();
        }
        return plan;
    }

    private MethodPlan analyze(PlanKey key) {
        MethodPlan plan = MethodAnalyzer.analyze(key.method, key.targetClass, config, adapters);
        for (TrackingProblem problem : plan.problems()) {
            if (problem.severity() == Severity.ERROR) {
                LOG.error("{}; calls to it are not tracked", problem);
            } else {
                LOG.warn("{}", problem);
            }
        }
        return plan;
    }

    /**
     * Tracks a call that returned {@code result}; returns what the caller must receive.
     *
     * @throws TrackingException in strict mode only, when the call cannot be tracked
     */
    public Object afterReturning(MethodPlan plan, Object[] arguments, Object result) {
        if (!ready(plan, null)) {
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
                        (value, failure) -> completeQuietly(plan, arguments, context, value, failure));
            }
            track(plan, arguments, context, result, null);
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
    public void afterThrowing(MethodPlan plan, Object[] arguments, Throwable thrown) {
        if (!plan.trackExceptions()) {
            return;
        }
        try {
            if (ready(plan, thrown)) {
                track(plan, arguments, TrackingContext.current(), null, thrown);
            }
        } catch (TrackingException strictFailure) {
            thrown.addSuppressed(strictFailure);
        } catch (RuntimeException unexpected) {
            failedUnexpectedly(plan, unexpected);
        }
    }

    private void unconvertibleValue(MethodPlan plan, String key, IllegalArgumentException conversion) {
        unconvertible.increment();
        if (plan.conversionLogged.compareAndSet(false, true)) {
            LOG.warn("@TrackMetadata on {}: the value of metadata[\"{}\"] {}; the key is left out (logged once"
                    + " per method)", plan.method(), key, conversion.getMessage());
        }
    }

    /** A bug (in an adapter, a sink or pltrack itself) costs the track, never the caller's call. */
    private void failedUnexpectedly(MethodPlan plan, RuntimeException unexpected) {
        errors.increment();
        if (plan.errorLogged.compareAndSet(false, true)) {
            LOG.error("@TrackMetadata on {}: tracking failed unexpectedly; the call went on untracked (logged once"
                    + " per method; TrackingStats counts every occurrence)", plan.method(), unexpected);
        }
    }

    public TrackingStats stats() {
        return new TrackingStats(tracked.sum(), refused.sum(), noRequestId.sum(), invalid.sum(), misused.sum(),
                unconvertible.sum(), errors.sum());
    }

    private boolean ready(MethodPlan plan, Throwable thrown) {
        if (!config.enabled() || !plan.annotated()) {
            return false;
        }
        if (!plan.trackable()) {
            misused.increment();
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
    private void completeQuietly(MethodPlan plan, Object[] arguments, TrackingContext context, Object value,
            Throwable failure) {
        try {
            if (failure == null) {
                track(plan, arguments, context, value, null);
            } else if (plan.trackExceptions()) {
                track(plan, arguments, context, null, failure);
            }
        } catch (TrackingException strictFailure) {
            LOG.error("Could not track the asynchronous result of {}", plan.method(), strictFailure);
        } catch (RuntimeException unexpected) {
            failedUnexpectedly(plan, unexpected);
        }
    }

    private void track(MethodPlan plan, Object[] arguments, TrackingContext context, Object returned,
            Throwable thrown) {
        Long requestId;
        try {
            requestId = plan.requestIdFromArguments(arguments);
        } catch (NumberFormatException notANumber) {
            reject(plan, plan.invalidLogged, invalid, FailureReason.INVALID_REQUEST,
                    "the @PromptLayerRequestId argument is not a number (" + notANumber.getMessage() + ")", null);
            return;
        }
        if (requestId == null && thrown == null) {
            try {
                requestId = MethodPlan.requestIdFromValue(returned);
            } catch (RuntimeException unreadable) {
                // The caller's value is the caller's: a broken accessor costs the track, nothing more.
                reject(plan, plan.invalidLogged, invalid, FailureReason.INVALID_REQUEST,
                        "promptLayerRequestId() of the returned value threw " + unreadable, unreadable);
                return;
            }
        }
        if (requestId == null && context.requestId().isPresent()) {
            requestId = context.requestId().getAsLong();
        }
        if (requestId == null) {
            reject(plan, plan.noRequestIdLogged, noRequestId, FailureReason.INVALID_REQUEST,
                    "no request id found (no @PromptLayerRequestId argument, no id in the return value, none in the"
                            + " TrackingContext); the call was not tracked", null);
            return;
        }
        Map<String, String> metadata = plan.metadata(arguments, context, thrown, unconvertibleValues);
        TrackRequest request;
        try {
            request = TrackRequest.of(requestId, metadata);
        } catch (InvalidTrackRequestException broken) {
            reject(plan, plan.invalidLogged, invalid, FailureReason.INVALID_REQUEST, broken.getMessage(), broken);
            return;
        }
        if (sink.offer(request)) {
            tracked.increment();
        } else {
            // The engine counted and reported the refusal; strict mode still tells the caller.
            refused.increment();
            if (config.strict()) {
                throw new TrackingException(FailureReason.QUEUE_FULL, "@TrackMetadata on " + plan.method()
                        + ": the delivery engine refused the track for request " + requestId, null);
            }
        }
    }

    private void reject(MethodPlan plan, AtomicBoolean loggedOnce, LongAdder counter, FailureReason reason,
            String why, Throwable cause) {
        counter.increment();
        String message = "@TrackMetadata on " + plan.method() + ": " + why;
        if (config.strict()) {
            throw new TrackingException(reason, message, cause);
        }
        if (loggedOnce.compareAndSet(false, true)) {
            LOG.warn("{} (logged once per method; TrackingStats counts every occurrence)", message);
        }
    }

    /** Identity of a cached plan: the method as intercepted and the class it was called on. */
    private record PlanKey(Method method, Class<?> targetClass) {
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
