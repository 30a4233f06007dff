package dev.pltrack.benchmarks;

import dev.pltrack.HasPromptLayerRequestId;
import dev.pltrack.MetadataParam;
import dev.pltrack.TrackMetadata;
import dev.pltrack.client.LogRequest;
import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.client.blueprint.ChatMessage;
import dev.pltrack.client.blueprint.PromptBlueprint;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.delivery.DeliveryStats;
import dev.pltrack.delivery.LogHandle;
import dev.pltrack.delivery.OverflowPolicy;
import dev.pltrack.tracking.MethodPlan;
import dev.pltrack.tracking.TrackMetadataHandler;
import feign.Client;
import feign.Request;
import feign.Response;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code @TrackMetadata} costs the caller: the time of one call to an annotated method
 * ({@code @TrackMetadata({"feature=chat","model=gpt-4o"})}, a {@code String} and a {@code UUID}
 * {@code @MetadataParam}, a return value carrying the request id) made through
 * {@link TrackMetadataHandler#invoke} as a framework interceptor makes it (the {@link Method}, the
 * argument array, a lambda that calls the target directly; no JDK proxy), against the bare call.
 *
 * <ul>
 *   <li>{@link #bare}: the target method called directly; the baseline.</li>
 *   <li>{@link #handlerCountingSink}: the handler handing each track to a sink that only counts
 *       (and keeps the last one, so it is really built): the caller-side resolution, merge and
 *       validation.</li>
 *   <li>{@link #handlerDeliveryEngine}: the handler on a real {@link DeliveryEngine} (default
 *       capacity 10,000, two senders, {@link OverflowPolicy#DROP_NEWEST}) whose client's transport
 *       answers 200 {@code {"success":true}} in memory, so its senders really drain. Each call returns a
 *       new request id, so nothing coalesces. The caller submits faster than two senders deliver,
 *       so the queue fills and most submissions take the refusal path: each iteration prints how
 *       many were accepted and refused ({@code DeliveryStats}).</li>
 *   <li>{@link #handlerDeliveryEngineIdle}: the same, but an untimed set-up before each call waits
 *       until the engine is idle, so every timed call is accepted and finds both senders parked: the
 *       cost under sparse traffic, where (3) mostly shows the refusal path. With the default 50 ms
 *       {@code linger} the caller does not wake a sender.</li>
 *   <li>{@link #handlerDeliveryEngineIdleWithoutLinger}: the same with {@code linger} zero, where each
 *       track wakes a parked sender from the caller's thread.</li>
 *   <li>{@link #logSubmissionIdle}: the caller-side cost of logging an LLM call on the idle engine
 *       ({@code DeliveryEngine.log} of a prebuilt {@code LogRequest}), and {@link #logThenTrackIdle} with
 *       metadata addressed to its handle right after (folded into the log while it waits).</li>
 *   <li>{@link #controlWakeParkedThread}: no pltrack code, the control for the idle variant: one
 *       {@code LinkedBlockingQueue.offer} to a queue two threads are parked on, which wakes one;
 *       each works 5 µs once woken, as a sender does.</li>
 * </ul>
 *
 * {@link Mode#SampleTime} times each call, so JMH reports percentiles: read {@code p0.50}, in ns.
 * The timer itself costs a few tens of ns per sample, equally in every variant: compare with
 * {@link #bare}, never the absolute figures.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AnnotatedCallBenchmark {

    /** What an LLM call returns: its answer and the PromptLayer request id it was logged under. */
    public static final class Answer implements HasPromptLayerRequestId {
        private final long requestId;
        private final String text;

        Answer(long requestId, String text) {
            this.requestId = requestId;
            this.text = text;
        }

        @Override
        public long promptLayerRequestId() {
            return requestId;
        }

        public String text() {
            return text;
        }
    }

    /** The annotated service. Each call "logs" a new PromptLayer request, so ids never repeat. */
    public static class ChatService {
        private long nextRequestId = 1;

        @TrackMetadata({"feature=chat", "model=gpt-4o"})
        public Answer answer(@MetadataParam("user_id") String user, @MetadataParam("session_id") UUID session,
                String question) {
            return new Answer(nextRequestId++, question);
        }
    }

    /** The call: target, arguments and the {@link Method} an interceptor is handed. */
    @State(Scope.Thread)
    public static class Call {
        ChatService target;
        Method method;
        String user;
        UUID session;
        String question;

        @Setup(Level.Trial)
        public void setUp() {
            target = new ChatService();
            method = answerMethod();
            user = "user-42";
            session = UUID.fromString("3f1c9d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f");
            question = "What is the capital of France?";
        }
    }

    /** A handler whose sink counts and keeps the last track. */
    @State(Scope.Thread)
    public static class CountingSink {
        TrackMetadataHandler handler;
        long offered;
        TrackRequest last;

        @Setup(Level.Trial)
        public void setUp() {
            handler = TrackMetadataHandler.builder(request -> {
                offered++;
                last = request;
                return true;
            }).build();
            checkTrackable(handler);
        }

        @TearDown(Level.Trial)
        public void check() {
            if (offered == 0 || last == null || last.metadata().size() != 4) {
                throw new IllegalStateException("the sink received " + offered + " tracks, the last " + last);
            }
            System.out.println("\ncounting sink: " + offered + " tracks, last " + last.metadata().keySet());
        }
    }

    /** A handler on a running delivery engine whose transport answers in memory. */
    @State(Scope.Benchmark)
    public static class Engine {
        DeliveryEngine engine;
        TrackMetadataHandler handler;
        private DeliveryStats before;

        @Setup(Level.Trial)
        public void setUp() {
            PromptLayerConfig config = PromptLayerConfig.builder()
                    .apiKey("pl_benchmark_key")
                    .baseUrl("http://127.0.0.1:9") // never dialled: the transport answers in memory
                    .build();
            PromptLayerClient client = PromptLayerClient.builder(config).transport(new InstantSuccess()).build();
            engine = DeliveryEngine.builder(client).config(deliveryConfig()).build();
            handler = TrackMetadataHandler.builder(engine::offer).build();
            checkTrackable(handler);
            afterStart();
        }

        /** The engine's settings: the defaults (DROP_NEWEST, 50 ms linger). */
        DeliveryConfig deliveryConfig() {
            return DeliveryConfig.builder().overflowPolicy(OverflowPolicy.DROP_NEWEST).build();
        }

        /** Runs once the engine is up, before the first iteration. */
        void afterStart() {
        }

        @Setup(Level.Iteration)
        public void mark() {
            before = engine.stats();
        }

        @TearDown(Level.Iteration)
        public void report() {
            DeliveryStats now = engine.stats();
            long submitted = now.submitted() - before.submitted();
            long rejected = now.rejected() - before.rejected();
            long delivered = now.delivered() - before.delivered();
            System.out.printf("%n%s this iteration: %,d calls, %,d accepted (%.1f%%), %,d refused (%.1f%%),"
                            + " %,d delivered, %,d coalesced, %,d failed; pending %,d of %,d%n",
                    name(), submitted + rejected, submitted,
                    percent(submitted, submitted + rejected), rejected, percent(rejected, submitted + rejected),
                    delivered, now.coalesced() - before.coalesced(), now.failed() - before.failed(), now.pending(),
                    now.capacity());
        }

        @TearDown(Level.Trial)
        public void close() {
            DeliveryStats stats = engine.stats();
            System.out.printf("%n%s trial totals: submitted %,d, rejected %,d %s, delivered %,d, coalesced %,d,"
                            + " failed %,d, pending %,d%n", name(), stats.submitted(),
                    stats.rejected(), stats.rejectedByReason(), stats.delivered(), stats.coalesced(), stats.failed(),
                    stats.pending());
            engine.close();
        }

        /** How the reports name this engine: "engine" or "idle engine". */
        String name() {
            return "engine";
        }

        private static double percent(long part, long whole) {
            return whole == 0 ? 0 : 100.0 * part / whole;
        }
    }

    /**
     * The same engine, idle before every call: an untimed per-invocation set-up waits until nothing
     * is pending and both senders are parked on the queue again, so each timed call is accepted and
     * wakes a sender, as sparse traffic does.
     */
    @State(Scope.Benchmark)
    public static class IdleEngine extends Engine {
        private static final long WARM_UP_FIRST_ID = 1L << 40;
        private List<Thread> senders;

        @Override
        String name() {
            return "idle engine";
        }

        /**
         * Finds the engine's dispatcher thread, then runs the path flat out (most of these calls are
         * refused): calls spaced out by the idle wait are too few for the JIT to compile it within
         * the warm-up iterations.
         */
        @Override
        void afterStart() {
            senders = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().matches("pltrack-delivery-\\d+-dispatcher"))
                    .filter(thread -> thread.getState() != Thread.State.TERMINATED)
                    .collect(Collectors.toList());
            if (senders.size() != 1) {
                throw new IllegalStateException("expected one dispatcher thread, found " + senders);
            }
            Call call = new Call();
            call.setUp();
            call.target.nextRequestId = WARM_UP_FIRST_ID; // never the ids of the measured calls
            try {
                for (int i = 0; i < 300_000; i++) {
                    intercept(handler, call);
                }
                if (!engine.flush(Duration.ofSeconds(60))) {
                    throw new IllegalStateException("the engine did not drain after the warm-up");
                }
            } catch (Throwable e) {
                throw new IllegalStateException("warm-up failed", e);
            }
        }

        @Setup(Level.Invocation)
        public void waitUntilIdle() throws InterruptedException {
            // flush() wakes the senders rather than waiting out their linger; then they park again.
            if (!engine.flush(Duration.ofSeconds(60))) {
                throw new IllegalStateException("the engine did not drain");
            }
            while (!allParked(senders)) {
                Thread.onSpinWait();
            }
        }
    }

    /**
     * {@link IdleEngine} with {@code linger} zero: every track wakes a parked sender at once, so the
     * caller pays the wake-up (compare with {@link ParkedConsumers}).
     */
    @State(Scope.Benchmark)
    public static class IdleEngineWithoutLinger extends IdleEngine {
        @Override
        DeliveryConfig deliveryConfig() {
            return DeliveryConfig.builder().overflowPolicy(OverflowPolicy.DROP_NEWEST).linger(Duration.ZERO).build();
        }

        @Override
        String name() {
            return "idle engine, linger 0";
        }
    }

    /**
     * The control for {@link IdleEngine}, with no pltrack code: two threads parked on a
     * {@link LinkedBlockingQueue} (the JDK's standard hand-off), each busy for about as long as a
     * sender's in-memory call (5 µs) after it takes an element, as the engine's two senders are.
     * The timed call hands one element to the queue, which wakes one of them: what waking a parked
     * thread costs on this machine.
     */
    @State(Scope.Benchmark)
    public static class ParkedConsumers {
        private static final long WORK_NANOS = 5_000;
        final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        private final List<Thread> consumers = new ArrayList<>();
        volatile long spins;

        @Setup(Level.Trial)
        public void start() {
            for (int i = 1; i <= 2; i++) {
                Thread consumer = new Thread(this::consume, "parked-consumer-" + i);
                consumer.setDaemon(true);
                consumer.start();
                consumers.add(consumer);
            }
        }

        private void consume() {
            try {
                while (true) {
                    queue.take();
                    long until = System.nanoTime() + WORK_NANOS;
                    long spun = 0;
                    while (System.nanoTime() - until < 0) {
                        spun++;
                    }
                    spins += spun;
                }
            } catch (InterruptedException stop) {
                // trial over
            }
        }

        @Setup(Level.Invocation)
        public void waitUntilParked() {
            while (!queue.isEmpty() || !allParked(consumers)) {
                Thread.onSpinWait();
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            consumers.forEach(Thread::interrupt);
        }
    }

    private static boolean allParked(List<Thread> threads) {
        for (Thread thread : threads) {
            Thread.State state = thread.getState();
            if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
                return false;
            }
        }
        return true;
    }

    /** A Feign transport that answers every call with PromptLayer's success body at once. */
    static final class InstantSuccess implements Client {
        // One body for every endpoint: "success" for the track family, "id" for log-request.
        private static final byte[] BODY = "{\"success\":true,\"id\":1}".getBytes(StandardCharsets.UTF_8);
        private static final Map<String, Collection<String>> HEADERS =
                Map.of("Content-Type", List.of("application/json"));

        @Override
        public Response execute(Request request, Request.Options options) {
            return Response.builder()
                    .status(200)
                    .reason("OK")
                    .request(request)
                    .headers(HEADERS)
                    .body(BODY)
                    .build();
        }
    }

    static Method answerMethod() {
        try {
            return ChatService.class.getMethod("answer", String.class, UUID.class, String.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkTrackable(TrackMetadataHandler handler) {
        MethodPlan plan = handler.plan(answerMethod(), ChatService.class);
        if (!plan.trackable() || !plan.problems().isEmpty()) {
            throw new IllegalStateException("the benchmark's method is not cleanly trackable: " + plan);
        }
    }

    @Benchmark
    public Answer bare(Call call) {
        return call.target.answer(call.user, call.session, call.question);
    }

    @Benchmark
    public Object handlerCountingSink(Call call, CountingSink sink) throws Throwable {
        return intercept(sink.handler, call);
    }

    @Benchmark
    public Object handlerDeliveryEngine(Call call, Engine engine) throws Throwable {
        return intercept(engine.handler, call);
    }

    @Benchmark
    public Object handlerDeliveryEngineIdle(Call call, IdleEngine engine) throws Throwable {
        return intercept(engine.handler, call);
    }

    @Benchmark
    public Object handlerDeliveryEngineIdleWithoutLinger(Call call, IdleEngineWithoutLinger engine) throws Throwable {
        return intercept(engine.handler, call);
    }

    @Benchmark
    public LogHandle logSubmissionIdle(IdleEngine engine) {
        return engine.engine.log(LOGGED_CALL);
    }

    @Benchmark
    public Object logThenTrackIdle(IdleEngine engine) {
        LogHandle log = engine.engine.log(LOGGED_CALL);
        return log.track(LOG_METADATA);
    }

    /** A small chat call, built once: the benchmarks measure its submission, not its building. */
    private static final LogRequest LOGGED_CALL = LogRequest.builder("openai", "gpt-4o")
            .input(PromptBlueprint.chat(ChatMessage.system("You are terse."), ChatMessage.user("What is PromptLayer?")))
            .output(PromptBlueprint.chat(ChatMessage.assistant("An LLM observability platform.")))
            .times(Instant.parse("2026-12-03T10:00:00Z"), Instant.parse("2026-12-03T10:00:00.420Z"))
            .tokens(18, 7)
            .build();
    private static final Map<String, String> LOG_METADATA = Map.of("user_id", "u-42", "feature", "chat");

    /** Control, no pltrack code: the cost of waking a thread parked on a queue (see {@link ParkedConsumers}). */
    @Benchmark
    public boolean controlWakeParkedThread(ParkedConsumers parked) {
        return parked.queue.offer(Boolean.TRUE);
    }

    /** What a framework interceptor does: the argument array, the method, and a way to proceed. */
    private static Object intercept(TrackMetadataHandler handler, Call call) throws Throwable {
        ChatService target = call.target;
        String user = call.user;
        UUID session = call.session;
        String question = call.question;
        Object[] arguments = {user, session, question};
        return handler.invoke(call.method, ChatService.class, arguments,
                () -> target.answer(user, session, question));
    }
}
