package dev.pltrack.quarkus.deployment;

import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.Fault;
import dev.pltrack.testkit.RecordedLog;
import dev.pltrack.testkit.RecordedTrack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * A {@link FakePromptLayer} shared between the two copies of a {@code QuarkusUnitTest} class: JUnit
 * loads the test class once and Quarkus once more, each with its own copy of the test kit. The fake is
 * started on JUnit's side before the application (which reads its address from system properties),
 * and the Quarkus side reads what it received through JDK types only.
 */
final class SharedFake {

    static final String BASE_URL_PROPERTY = "pltrack.test.fake.base-url";
    static final String API_KEY = FakePromptLayer.DEFAULT_API_KEY;
    /** For {@code promptlayer.base-url}: resolved from the system property when the application starts. */
    static final String BASE_URL_EXPRESSION = "${" + BASE_URL_PROPERTY + "}";

    private static final String BRIDGE_PROPERTY = "pltrack.test.fake.bridge";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private SharedFake() {
    }

    /** JUnit side, in {@code setBeforeAllCustomizer}. */
    static void start() {
        start(FakePromptLayer.builder());
    }

    /** JUnit side: a fake of this builder's port and key. */
    static void start(FakePromptLayer.Builder builder) {
        FakePromptLayer fake = builder.start();
        System.setProperty(BASE_URL_PROPERTY, fake.baseUrl());
        System.getProperties().put(BRIDGE_PROPERTY, new Bridge(
                count -> entries(fake.awaitAccepted(count, TIMEOUT)),
                () -> entries(fake.received()),
                fake::metadataFor,
                (status, body) -> fake.failNext(1, Fault.status(status, body)),
                fake::reset,
                fake::close,
                count -> fake.awaitLogged(count, TIMEOUT).stream().map(RecordedLog::rawBody).toList(),
                () -> fake.calls().size()));
    }

    /** JUnit side, in {@code setAfterAllCustomizer}. */
    static void stop() {
        if (System.getProperties().get(BRIDGE_PROPERTY) == null) {
            return;
        }
        bridge().close.run();
        System.getProperties().remove(BRIDGE_PROPERTY);
        System.clearProperty(BASE_URL_PROPERTY);
    }

    /** Waits for {@code count} accepted tracks; each is request id to metadata, in arrival order. */
    static List<Map.Entry<Long, Map<String, String>>> awaitAccepted(int count) {
        return bridge().awaitAccepted.apply(count);
    }

    /**
     * Waits until each id has an accepted track. Waiting for ids rather than a count keeps a test
     * clear of a late duplicate from an earlier one (a retried send the fake had already accepted).
     */
    static void awaitTracked(long... requestIds) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (long id : requestIds) {
            while (metadataFor(id).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no accepted track for request " + id + " within " + TIMEOUT
                            + "; received: " + received());
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    /** The request ids of everything received, in arrival order. */
    static List<Long> receivedIds() {
        return received().stream().map(Map.Entry::getKey).toList();
    }

    static List<Map.Entry<Long, Map<String, String>>> received() {
        return bridge().received.get();
    }

    /** What PromptLayer would hold for the id: accepted tracks merged. */
    static Map<String, String> metadataFor(long requestId) {
        return bridge().metadataFor.apply(requestId);
    }

    /** The next request is answered {@code status} with {@code jsonBody} instead. */
    static void failNext(int status, String jsonBody) {
        bridge().failNext.accept(status, jsonBody);
    }

    /** Waits for {@code count} logged LLM calls: the bodies PromptLayer received, as sent. */
    static List<String> awaitLogged(int count) {
        return bridge().awaitLogged.apply(count);
    }

    /** Every request PromptLayer received, of any endpoint. */
    static int callCount() {
        return bridge().callCount.get();
    }

    static void reset() {
        bridge().reset.run();
    }

    private static Bridge bridge() {
        Object bridge = System.getProperties().get(BRIDGE_PROPERTY);
        if (!(bridge instanceof Bridge)) {
            // The record is the same class on both sides only through its JDK-typed components.
            return Bridge.from(bridge);
        }
        return (Bridge) bridge;
    }

    private static List<Map.Entry<Long, Map<String, String>>> entries(List<RecordedTrack> tracks) {
        return tracks.stream()
                .map(track -> Map.entry(track.requestId() == null ? -1L : track.requestId(),
                        track.metadata() == null ? Map.<String, String>of() : track.metadata()))
                .toList();
    }

    /** Functions of JDK types, callable from either class loader. */
    record Bridge(IntFunction<List<Map.Entry<Long, Map<String, String>>>> awaitAccepted,
            Supplier<List<Map.Entry<Long, Map<String, String>>>> received,
            LongFunction<Map<String, String>> metadataFor,
            BiConsumer<Integer, String> failNext,
            Runnable reset,
            Runnable close,
            IntFunction<List<String>> awaitLogged,
            Supplier<Integer> callCount) {

        /** A bridge made by the other class loader's copy of this class: read through its accessors. */
        @SuppressWarnings("unchecked")
        static Bridge from(Object other) {
            if (other == null) {
                throw new IllegalStateException("no fake PromptLayer: call SharedFake.start() in setBeforeAllCustomizer");
            }
            try {
                return new Bridge(
                        (IntFunction<List<Map.Entry<Long, Map<String, String>>>>) component(other, "awaitAccepted"),
                        (Supplier<List<Map.Entry<Long, Map<String, String>>>>) component(other, "received"),
                        (LongFunction<Map<String, String>>) component(other, "metadataFor"),
                        (BiConsumer<Integer, String>) component(other, "failNext"),
                        (Runnable) component(other, "reset"),
                        (Runnable) component(other, "close"),
                        (IntFunction<List<String>>) component(other, "awaitLogged"),
                        (Supplier<Integer>) component(other, "callCount"));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Object component(Object record, String name) throws ReflectiveOperationException {
            java.lang.reflect.Method accessor = record.getClass().getDeclaredMethod(name);
            accessor.setAccessible(true);
            return accessor.invoke(record);
        }
    }
}
