package dev.pltrack.benchmarks;

import dev.pltrack.client.FailureReason;
import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.delivery.DeadLetter;
import dev.pltrack.delivery.DeadLetterHandler;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.delivery.DeliveryStats;
import java.io.IOException;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Overload: what a {@link DeliveryEngine} holds when PromptLayer stops answering. It submits
 * 1,000,000 tracks for distinct request ids (three metadata entries each) to an engine with the
 * default settings (capacity 10,000, two senders, {@code DROP_NEWEST}, read timeout 10 s) whose
 * server accepts connections and never answers, so the senders stay blocked and nothing drains.
 *
 * <p>It checks that the heap stays bounded (used heap after a full GC, before the submissions and
 * after them with everything still pending; the peak is sampled meanwhile) and that every
 * submission is accounted for: accepted (pending) + refused == submissions, the refusals counted in
 * {@link DeliveryStats#rejected()}. Then it closes the engine with a short shutdown timeout and
 * checks that every pending track went to the dead-letter handler. Exits 1 if a check fails.
 *
 * <pre>
 * java -Xms512m -Xmx512m -cp benchmarks/target/benchmarks.jar dev.pltrack.benchmarks.OverloadHarness \
 *      [submissions=1000000] [shutdown-timeout=2s] [max-growth-mb=64] [api=offer|track]
 * </pre>
 *
 * {@code api=offer} (the default) submits as the {@code @TrackMetadata} interceptors do;
 * {@code api=track} uses {@link DeliveryEngine#track}, which also makes a future per submission.
 */
public final class OverloadHarness {

    private OverloadHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int submissions = Integer.parseInt(options.getOrDefault("submissions", "1000000"));
        Duration shutdownTimeout = duration(options.getOrDefault("shutdown-timeout", "2s"));
        long maxGrowthMb = Long.parseLong(options.getOrDefault("max-growth-mb", "64"));
        String api = options.getOrDefault("api", "offer");
        if (!api.equals("offer") && !api.equals("track")) {
            throw new IllegalArgumentException("api must be offer or track (was " + api + ")");
        }

        System.out.printf("JVM: %s %s, max heap %,d MB, arguments %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getRuntimeMXBean().getInputArguments());

        try (SilentServer silent = new SilentServer()) {
            PromptLayerConfig config = PromptLayerConfig.builder()
                    .apiKey("pl_overload_key")
                    .baseUrl(silent.baseUrl())
                    .build(); // read timeout left at its default
            CountingDeadLetters deadLetters = new CountingDeadLetters();
            DeliveryConfig delivery = DeliveryConfig.builder().shutdownTimeout(shutdownTimeout).build();
            DeliveryEngine engine = DeliveryEngine.builder(PromptLayerClient.create(config))
                    .config(delivery)
                    .deadLetterHandler(deadLetters)
                    .build();
            System.out.printf("engine: %s, read timeout %s, retry %s; server %s never answers%n", delivery,
                    config.readTimeout(), config.retryPolicy(), silent.baseUrl());

            long heapBefore = usedHeapAfterGc();
            resetPeaks();
            HeapSampler sampler = new HeapSampler();
            sampler.start();
            AfterGcPeak afterGc = new AfterGcPeak();

            long accepted = 0;
            long refused = 0;
            long started = System.nanoTime();
            for (int i = 0; i < submissions; i++) {
                long requestId = 1_000_000_000L + i;
                Map<String, String> metadata = Map.of(
                        "user_id", "user-" + (i % 10_000),
                        "session_id", "session-" + (i % 1_000),
                        "feature", "chat");
                boolean ok;
                if (api.equals("offer")) {
                    ok = engine.offer(TrackRequest.of(requestId, metadata));
                } else {
                    CompletableFuture<?> future = engine.track(requestId, metadata);
                    ok = !future.isCompletedExceptionally();
                }
                if (ok) {
                    accepted++;
                } else {
                    refused++;
                }
            }
            long submitNanos = System.nanoTime() - started;
            DeliveryStats atEnd = engine.stats();
            sampler.stop();
            afterGc.stop();
            long heapAfter = usedHeapAfterGc();
            long poolPeaks = sumOfHeapPoolPeaks();
            long growth = heapAfter - heapBefore;
            List<String> failures = new ArrayList<>();

            System.out.printf("%nsubmitted %,d tracks (%s) in %,d ms (%,.0f per second)%n", submissions, api,
                    submitNanos / 1_000_000, submissions / (submitNanos / 1e9));
            System.out.printf("accepted (queued) %,d + refused %,d = %,d%n", accepted, refused, accepted + refused);
            System.out.printf("engine stats: submitted %,d, rejected %,d %s, pending %,d of %,d, in flight %d,"
                            + " delivered %,d, failed %,d, coalesced %,d%n", atEnd.submitted(), atEnd.rejected(),
                    atEnd.rejectedByReason(), atEnd.pending(), atEnd.capacity(), atEnd.inFlight(),
                    atEnd.delivered(), atEnd.failed(), atEnd.coalesced());
            check(failures, accepted + refused == submissions, "accepted + refused == submissions");
            check(failures, atEnd.rejected() == refused, "stats().rejected() == refused");
            check(failures, atEnd.rejected(FailureReason.QUEUE_FULL) == refused, "every refusal is QUEUE_FULL");
            check(failures, atEnd.submitted() == accepted, "stats().submitted() == accepted");
            check(failures, atEnd.submitted() == atEnd.coalesced() + atEnd.delivered() + atEnd.failed()
                    + atEnd.pending(), "submitted == coalesced + delivered + failed + pending");
            check(failures, atEnd.pending() <= atEnd.capacity(), "pending <= capacity");

            System.out.printf("%nheap used after full GC: before %s, after %s (everything still pending): growth %s"
                            + " (limit %d MB)%n", mb(heapBefore), mb(heapAfter), mb(growth), maxGrowthMb);
            System.out.printf("heap used, sampled every 5 ms while submitting: peak %s (garbage included);"
                            + " sum of heap pools' peak usage %s%n", mb(sampler.peak()), mb(poolPeaks));
            System.out.printf("heap used just after each of the %d collections while submitting: peak %s (growth %s"
                            + " over the start)%n", afterGc.collections(), mb(afterGc.peak()),
                    mb(afterGc.peak() - heapBefore));
            check(failures, growth < maxGrowthMb << 20, "heap growth < " + maxGrowthMb + " MB");

            long pendingAtClose = engine.stats().pending();
            long failedBeforeClose = engine.stats().failed();
            long closeStarted = System.nanoTime();
            engine.close();
            long closeMillis = (System.nanoTime() - closeStarted) / 1_000_000;
            DeliveryStats closed = engine.stats();
            System.out.printf("%nclose() with shutdown-timeout %s took %,d ms: pending before %,d, after %,d;"
                            + " dead letters %,d %s; failed %,d %s%n", shutdownTimeout, closeMillis, pendingAtClose,
                    closed.pending(), deadLetters.count(), deadLetters.byReason(), closed.failed(),
                    closed.failedByReason());
            check(failures, closed.pending() == 0, "nothing pending after close");
            check(failures, deadLetters.count() == pendingAtClose + failedBeforeClose,
                    "dead letters == pending at close + failed before");
            check(failures, closed.failed() == deadLetters.count(), "stats().failed() == dead letters");

            System.out.println();
            if (failures.isEmpty()) {
                System.out.println("OVERLOAD OK: bounded heap and every submission accounted for");
            } else {
                failures.forEach(failure -> System.out.println("FAILED: " + failure));
                System.exit(1);
            }
        }
    }

    private static void check(List<String> failures, boolean holds, String what) {
        System.out.println("  check " + what + ": " + (holds ? "ok" : "FAILED"));
        if (!holds) {
            failures.add(what);
        }
    }

    /** Accepts connections, keeps them open, reads nothing and never answers. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket serverSocket;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        SilentServer() throws IOException {
            serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!serverSocket.isClosed()) {
                    try {
                        held.add(serverSocket.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-server-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + serverSocket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            serverSocket.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static final class CountingDeadLetters implements DeadLetterHandler {
        private final LongAdder count = new LongAdder();
        private final Map<FailureReason, LongAdder> byReason = new EnumMap<>(FailureReason.class);

        CountingDeadLetters() {
            for (FailureReason reason : FailureReason.values()) {
                byReason.put(reason, new LongAdder());
            }
        }

        @Override
        public void handle(DeadLetter letter) {
            count.increment();
            byReason.get(letter.reason()).increment();
        }

        long count() {
            return count.sum();
        }

        Map<FailureReason, Long> byReason() {
            Map<FailureReason, Long> counts = new LinkedHashMap<>();
            byReason.forEach((reason, adder) -> {
                if (adder.sum() > 0) {
                    counts.put(reason, adder.sum());
                }
            });
            return counts;
        }
    }

    /**
     * The highest heap use right after a collection (young or full), from the collectors'
     * notifications: what survived, an upper bound of the live data at that moment.
     */
    private static final class AfterGcPeak implements NotificationListener {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong collections = new AtomicLong();
        private final List<NotificationEmitter> emitters = new ArrayList<>();

        AfterGcPeak() {
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (collector instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(this, null, null);
                    emitters.add(emitter);
                }
            }
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                    .mapToLong(MemoryUsage::getUsed).sum();
            collections.incrementAndGet();
            peak.accumulateAndGet(used, Math::max);
        }

        void stop() throws ListenerNotFoundException {
            for (NotificationEmitter emitter : emitters) {
                emitter.removeNotificationListener(this);
            }
        }

        long peak() {
            return peak.get();
        }

        long collections() {
            return collections.get();
        }
    }

    /** The highest used heap seen, sampled on its own thread. */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread = new Thread(this::run, "heap-sampler");

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            while (running) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                peak.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long peak() {
            return peak.get();
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** An upper bound of the heap's peak: each pool's peak, reached at different times. */
    private static long sumOfHeapPoolPeaks() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String stripped = arg.startsWith("--") ? arg.substring(2) : arg;
            int equals = stripped.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("arguments are key=value (was " + arg + ")");
            }
            options.put(stripped.substring(0, equals), stripped.substring(equals + 1));
        }
        return options;
    }

    /** {@code 2s}, {@code 500ms} or an ISO-8601 duration such as {@code PT2S}. */
    private static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("s") && !text.startsWith("P")) {
            return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        return Duration.parse(text);
    }
}
