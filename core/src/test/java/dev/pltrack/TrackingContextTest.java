package dev.pltrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ambient context: immutable values, a thread-local scope, and explicit hand-over to other threads. */
// Scopes are opened for their effect on the thread; the variable exists only to close them.
@SuppressWarnings("try")
class TrackingContextTest {

    enum Plan { PRO }

    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @AfterEach
    void cleanUp() throws InterruptedException {
        worker.shutdownNow();
        assertThat(worker.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(TrackingContext.current().isEmpty()).as("a test left a scope open").isTrue();
    }

    /** Counts what it hears of and takes one hold on each log. */
    static final class CountingRecorder implements TrackingContext.LogRecorder {
        int heard;

        @Override
        public int logged(dev.pltrack.delivery.LogHandle log) {
            heard++;
            return 1;
        }
    }

    @Test
    void aRecorderStartedIsHeardAndTheOneBeforeIsPutBack() {
        CountingRecorder outer = new CountingRecorder();
        CountingRecorder inner = new CountingRecorder();
        assertThat(TrackingContext.logged(null)).as("no recorder: no hold").isZero();

        assertThat(TrackingContext.startRecording(outer)).isNull();
        TrackingContext.LogRecorder beforeInner = TrackingContext.startRecording(inner);
        assertThat(beforeInner).isSameAs(outer);
        assertThat(TrackingContext.logged(null)).isEqualTo(1);
        TrackingContext.restoreRecorder(beforeInner);
        assertThat(TrackingContext.recorder()).isSameAs(outer);
        TrackingContext.restoreRecorder(null);

        assertThat(TrackingContext.recorder()).isNull();
        assertThat(inner.heard).isEqualTo(1);
        assertThat(outer.heard).isZero();
    }

    @Test
    void aWrappedTaskLogsToTheWrappingThreadsRecorderAndLeavesTheWorkersAlone() throws Exception {
        CountingRecorder handedOver = new CountingRecorder();
        TrackingContext.LogRecorder previous = TrackingContext.startRecording(handedOver);
        Runnable runnable;
        Callable<Integer> callable;
        try {
            runnable = TrackingContext.current().wrap((Runnable) () -> TrackingContext.logged(null));
            callable = TrackingContext.current().wrap((Callable<Integer>) () -> TrackingContext.logged(null));
        } finally {
            TrackingContext.restoreRecorder(previous);
        }
        CountingRecorder workers = new CountingRecorder();
        worker.submit(() -> TrackingContext.startRecording(workers)).get();

        worker.submit(runnable).get();
        assertThat(worker.submit(callable).get()).isEqualTo(1);

        assertThat(handedOver.heard).isEqualTo(2);
        assertThat(worker.submit(TrackingContext::recorder).get()).isSameAs(workers);
    }

    @Test
    void outsideAnyScopeTheContextIsEmpty() {
        TrackingContext current = TrackingContext.current();

        assertThat(current).isSameAs(TrackingContext.empty());
        assertThat(current.isEmpty()).isTrue();
        assertThat(current.requestId()).isEmpty();
        assertThat(current.metadata()).isEmpty();
    }

    @Test
    void withReturnsANewContextAndLeavesTheOriginalAlone() {
        TrackingContext base = TrackingContext.empty().with("a", "1");

        TrackingContext more = base.with("b", "2");

        assertThat(base.metadata()).containsExactly(entry("a", "1"));
        assertThat(more.metadata()).containsExactly(entry("a", "1"), entry("b", "2"));
        assertThat(TrackingContext.empty().isEmpty()).isTrue();
    }

    @Test
    void valuesBecomeTextAsMetadataParamValuesDo() {
        UUID session = UUID.fromString("6f1c2a34-93b5-4f7e-a8c1-0d2e3f405162");

        TrackingContext context = TrackingContext.empty()
                .with("user_id", 42)
                .with("plan", Plan.PRO)
                .with("session", session)
                .with("beta", true)
                .with("ratio", 1e10)
                .with("maybe", Optional.of("yes"));

        assertThat(context.metadata()).containsExactly(
                entry("user_id", "42"),
                entry("plan", "PRO"),
                entry("session", session.toString()),
                entry("beta", "true"),
                entry("ratio", "10000000000"),
                entry("maybe", "yes"));
    }

    @Test
    void aNewValueReplacesTheOldOneInPlace() {
        TrackingContext context = TrackingContext.empty().with("a", "1").with("b", "2").with("a", "3");

        assertThat(context.metadata()).containsExactly(entry("a", "3"), entry("b", "2"));
    }

    @Test
    void aNullOrEmptyValueRemovesTheKey() {
        TrackingContext context = TrackingContext.empty().with("a", "1").with("b", "2").with("c", "3");

        assertThat(context.with("a", null).metadata()).containsExactly(entry("b", "2"), entry("c", "3"));
        assertThat(context.with("b", Optional.empty()).metadata()).containsExactly(entry("a", "1"), entry("c", "3"));
        assertThat(context.with("absent", null).metadata()).isEqualTo(context.metadata());
    }

    @Test
    void withAllAddsEveryEntryInOrder() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("x", 1);
        values.put("y", null);
        values.put("z", "last");

        TrackingContext context = TrackingContext.empty().with("y", "gone").withAll(values);

        assertThat(context.metadata()).containsExactly(entry("x", "1"), entry("z", "last"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "\t\n"})
    void aBlankKeyIsRejected(String key) {
        assertThatIllegalArgumentException().isThrownBy(() -> TrackingContext.empty().with(key, "v"))
                .withMessageContaining("metadata key must not be blank");
    }

    @Test
    void aNullOrTooLongKeyIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> TrackingContext.empty().with(null, "v"))
                .withMessageContaining("must not be blank");
        assertThatIllegalArgumentException().isThrownBy(() -> TrackingContext.empty().with("k".repeat(1025), "v"))
                .withMessageContaining("at most 1024 characters (was 1025)");
        assertThat(TrackingContext.empty().with("k".repeat(1024), "v").metadata()).hasSize(1);
    }

    /** Writing it as JSON fails: its getter throws. */
    public static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("not loaded");
        }
    }

    @Test
    void aValueThatCannotBecomeTextIsRejectedNamingTheKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> TrackingContext.empty().with("order", new Unwritable()))
                .withMessageStartingWith("metadata[\"order\"] cannot be written as JSON");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void aRequestIdMustBePositive(long requestId) {
        assertThatIllegalArgumentException().isThrownBy(() -> TrackingContext.empty().withRequestId(requestId))
                .withMessage("request_id must be a positive integer (was " + requestId + ")");
    }

    @Test
    void aRequestIdIsKeptAlongsideTheMetadata() {
        TrackingContext context = TrackingContext.empty().with("a", "1").withRequestId(7).with("b", "2");

        assertThat(context.requestId()).hasValue(7);
        assertThat(context.metadata()).containsExactly(entry("a", "1"), entry("b", "2"));
        assertThat(context.withRequestId(8).requestId()).hasValue(8);
    }

    @Test
    void isEmptyOnlyWithNeitherIdNorMetadata() {
        assertThat(TrackingContext.empty().withRequestId(1).isEmpty()).isFalse();
        assertThat(TrackingContext.empty().with("a", "1").isEmpty()).isFalse();
        assertThat(TrackingContext.empty().with("a", "1").with("a", null).isEmpty()).isTrue();
    }

    @Test
    void metadataCannotBeChangedFromOutside() {
        Map<String, String> metadata = TrackingContext.empty().with("a", "1").metadata();

        assertThatThrownBy(() -> metadata.put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringShowsKeysButNeverValues() {
        TrackingContext context = TrackingContext.empty()
                .withRequestId(99)
                .with("email", "ada@example.com")
                .with("session", "secret-session");

        assertThat(context).hasToString("TrackingContext{requestId=99, keys=[email, session]}");
        assertThat(context.toString()).doesNotContain("ada@example.com", "secret-session");
        assertThat(TrackingContext.empty()).hasToString("TrackingContext{requestId=none, keys=[]}");
    }

    @Test
    void openMakesAContextCurrentUntilClosedAndScopesNest() {
        TrackingContext outer = TrackingContext.empty().withRequestId(1).with("level", "outer");
        TrackingContext inner = outer.withRequestId(2).with("level", "inner");

        try (TrackingContext.Scope outerScope = outer.open()) {
            assertThat(outerScope.context()).isSameAs(outer);
            assertThat(TrackingContext.current()).isSameAs(outer);
            try (TrackingContext.Scope ignored = inner.open()) {
                assertThat(TrackingContext.current()).isSameAs(inner);
                // current() is the base to add to, so inner scopes extend outer ones.
                assertThat(TrackingContext.current().with("extra", "x").metadata())
                        .containsExactly(entry("level", "inner"), entry("extra", "x"));
            }
            assertThat(TrackingContext.current()).isSameAs(outer);
        }
        assertThat(TrackingContext.current()).isSameAs(TrackingContext.empty());
    }

    @Test
    void closingAScopeTwiceDoesNotCloseTheScopeAroundIt() {
        TrackingContext outer = TrackingContext.empty().withRequestId(1);

        try (TrackingContext.Scope ignored = outer.open()) {
            TrackingContext.Scope inner = TrackingContext.empty().withRequestId(2).open();
            inner.close();
            inner.close();
            assertThat(TrackingContext.current()).isSameAs(outer);
        }
    }

    @Test
    void anotherThreadDoesNotSeeTheContext() throws Exception {
        try (TrackingContext.Scope ignored = TrackingContext.empty().withRequestId(5).with("a", "1").open()) {
            TrackingContext there = worker.submit(TrackingContext::current).get(5, TimeUnit.SECONDS);

            assertThat(there.isEmpty()).isTrue();
        }
    }

    @Test
    void wrapRunnableCarriesTheContextAndRestoresTheWorkerAfterwards() throws Exception {
        TrackingContext context = TrackingContext.empty().withRequestId(5).with("a", "1");
        AtomicReference<TrackingContext> seen = new AtomicReference<>();

        worker.submit(context.wrap(() -> seen.set(TrackingContext.current()))).get(5, TimeUnit.SECONDS);
        TrackingContext afterwards = worker.submit(TrackingContext::current).get(5, TimeUnit.SECONDS);

        assertThat(seen.get()).isSameAs(context);
        assertThat(afterwards.isEmpty()).isTrue();
    }

    @Test
    void wrapCallableCarriesTheContextAndItsResult() throws Exception {
        TrackingContext context = TrackingContext.empty().withRequestId(6);
        Callable<Long> readId = () -> TrackingContext.current().requestId().orElseThrow();

        assertThat(worker.submit(context.wrap(readId)).get(5, TimeUnit.SECONDS)).isEqualTo(6L);
        assertThatThrownBy(() -> worker.submit(readId).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(NoSuchElementException.class);
    }

    @Test
    void wrapExecutorCarriesTheContextToEachTask() throws Exception {
        TrackingContext context = TrackingContext.empty().withRequestId(7);
        AtomicReference<TrackingContext> seen = new AtomicReference<>();

        context.wrap(worker).execute(() -> seen.set(TrackingContext.current()));
        TrackingContext afterwards = worker.submit(TrackingContext::current).get(5, TimeUnit.SECONDS);

        assertThat(seen.get()).isSameAs(context);
        assertThat(afterwards.isEmpty()).isTrue();
    }

    @Test
    void aWrappedTaskRestoresTheContextOfTheThreadThatRunsIt() {
        TrackingContext mine = TrackingContext.empty().withRequestId(8);
        TrackingContext carried = TrackingContext.empty().withRequestId(9);
        AtomicReference<TrackingContext> seen = new AtomicReference<>();

        try (TrackingContext.Scope ignored = mine.open()) {
            carried.wrap(() -> seen.set(TrackingContext.current())).run();
            assertThat(TrackingContext.current()).isSameAs(mine);
        }
        assertThat(seen.get()).isSameAs(carried);
    }
}
