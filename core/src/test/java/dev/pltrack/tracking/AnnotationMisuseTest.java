package dev.pltrack.tracking;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.pltrack.MetadataParam;
import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import dev.pltrack.TrackingContext;
import dev.pltrack.testkit.FakePromptLayerExtension;
import dev.pltrack.tracking.TrackingProblem.Severity;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Misuse that the signature shows is reported once, when the method is first analysed, with what
 * to change; an error keeps the method from being tracked but never from running.
 */
// Scopes are opened for their effect on the thread; the variable exists only to close them.
@SuppressWarnings("try")
class AnnotationMisuseTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    @RegisterExtension
    final TrackingHarness tracking = TrackingHarness.on(promptLayer);

    /** Each method here is wrong in one way. */
    public static class Misuses {
        @TrackMetadata("k=v")
        public long twoIds(@PromptLayerRequestId long first, @PromptLayerRequestId long second) {
            return first + second;
        }

        @TrackMetadata("k=v")
        public void doubleId(@PromptLayerRequestId double id) {
        }

        @TrackMetadata({"feature=chat", "model gpt-4o"})
        public void noEquals(@PromptLayerRequestId long id) {
        }

        @TrackMetadata({"=orphan"})
        public void blankKey(@PromptLayerRequestId long id) {
        }

        @TrackMetadata({"  = spaces"})
        public void spaceKey(@PromptLayerRequestId long id) {
        }

        @TrackMetadata({"model=gpt-4o", "model=gpt-4o-mini"})
        public void duplicateKey(@PromptLayerRequestId long id) {
        }

        @TrackMetadata
        public void duplicateParamKey(@PromptLayerRequestId long id, @MetadataParam("user") String first,
                @MetadataParam("user") String second) {
        }

        @TrackMetadata("k=v")
        public void noIdSource() {
        }

        @TrackMetadata("k=v")
        public String finalReturnType() {
            return "text";
        }

        @TrackMetadata("k=v")
        public long fine(@PromptLayerRequestId long id) {
            return id;
        }

        @TrackMetadata("k=v")
        private long privateMethod(@PromptLayerRequestId long id) {
            return id;
        }

        @TrackMetadata("k=v")
        public static long staticMethod(@PromptLayerRequestId long id) {
            return id;
        }
    }

    @TrackMetadata("k=v")
    public static class TypeLevel {
        public void noIdSource() {
        }
    }

    private static Method method(Class<?> type, String name) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new AssertionError("no method " + name + " in " + type);
    }

    private MethodPlan plan(String name) {
        return tracking.handler().plan(method(Misuses.class, name), Misuses.class);
    }

    /** Calls through the handler as an interceptor would, returning what the caller gets. */
    private Object call(String name, Object... arguments) throws Throwable {
        Method method = method(Misuses.class, name);
        Misuses target = new Misuses();
        return tracking.handler().invoke(method, Misuses.class, arguments, () -> method.invoke(target, arguments));
    }

    @Test
    void twoRequestIdParametersAreAnErrorTheMethodRunsUntrackedAndEachCallIsCounted() throws Throwable {
        MethodPlan plan = plan("twoIds");

        assertThat(plan.annotated()).isTrue();
        assertThat(plan.trackable()).isFalse();
        assertThat(plan.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.ERROR);
            assertThat(problem.method()).isEqualTo(Misuses.class.getName() + ".twoIds(long, long)");
            assertThat(problem.message())
                    .contains("parameters 0 and 1 are both annotated @PromptLayerRequestId");
        });

        assertThat(call("twoIds", 1L, 2L)).isEqualTo(3L);
        assertThat(call("twoIds", 3L, 4L)).isEqualTo(7L);
        assertThat(call("twoIds", 5L, 6L)).isEqualTo(11L);

        assertThat(tracking.delivered()).hasReceivedNothing();
        assertThat(tracking.handler().stats().misused()).isEqualTo(3);
        // Reported once, at analysis, not once per call.
        assertThat(tracking.logged(Level.ERROR)).singleElement().asString()
                .startsWith("@TrackMetadata on " + Misuses.class.getName() + ".twoIds(long, long): parameters 0 and 1")
                .endsWith("; calls to it are not tracked");
    }

    @Test
    void aRequestIdOnADoubleIsAnError() {
        assertThat(plan("doubleId").problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.ERROR);
            assertThat(problem.message()).contains("@PromptLayerRequestId parameter 0 is a double",
                    "long, int, Long, Integer or a String of digits");
        });
        assertThat(plan("doubleId").trackable()).isFalse();
    }

    @Test
    void anEntryWithoutEqualsIsAnErrorThatQuotesTheEntry() throws Throwable {
        MethodPlan plan = plan("noEquals");

        assertThat(plan.trackable()).isFalse();
        assertThat(plan.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.ERROR);
            assertThat(problem.message()).isEqualTo("entry \"model gpt-4o\" has no '='; write \"key=value\"");
        });

        call("noEquals", 901L);
        assertThat(tracking.delivered()).hasReceivedNothing();
        assertThat(tracking.handler().stats().misused()).isEqualTo(1);
    }

    @Test
    void aBlankKeyIsAnError() {
        assertThat(List.of(plan("blankKey"), plan("spaceKey"))).allSatisfy(plan -> {
            assertThat(plan.trackable()).isFalse();
            assertThat(plan.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.severity()).isEqualTo(Severity.ERROR);
                assertThat(problem.message()).contains("the key must not be blank");
            });
        });
        assertThat(plan("blankKey").problems().get(0).message()).startsWith("entry \"=orphan\"");
    }

    @Test
    void aKeyGivenTwiceIsAWarningAndTheLaterEntryWins() throws Throwable {
        MethodPlan plan = plan("duplicateKey");

        assertThat(plan.trackable()).isTrue();
        assertThat(plan.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.WARNING);
            assertThat(problem.message()).isEqualTo("the key \"model\" is given twice; the later entry wins");
        });
        assertThat(tracking.logged(Level.WARN)).singleElement().asString()
                .contains("duplicateKey(long)", "the key \"model\" is given twice");

        call("duplicateKey", 902L);
        assertThat(tracking.delivered()).hasTracked(902L, Map.of("model", "gpt-4o-mini"));
    }

    @Test
    void twoParametersWithOneKeyAreAWarningAndTheLaterOneWins() throws Throwable {
        assertThat(plan("duplicateParamKey").problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.WARNING);
            assertThat(problem.message()).contains("two parameters are @MetadataParam(\"user\")");
        });

        call("duplicateParamKey", 903L, "first", "second");
        assertThat(tracking.delivered()).hasTracked(903L, Map.of("user", "second"));
    }

    @Test
    void noRequestIdSourceInTheSignatureIsAWarningAndTheContextCanStillSupplyOne() throws Throwable {
        assertThat(List.of(plan("noIdSource"), plan("finalReturnType"))).allSatisfy(plan -> {
            assertThat(plan.trackable()).isTrue();
            assertThat(plan.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.severity()).isEqualTo(Severity.WARNING);
                assertThat(problem.message()).startsWith("no request id source in the signature")
                        .contains("TrackingContext");
            });
        });
        assertThat(plan("finalReturnType").problems().get(0).message()).contains("a java.lang.String return value");

        try (TrackingContext.Scope ignored = TrackingContext.current().withRequestId(904).open()) {
            call("noIdSource");
        }
        assertThat(tracking.delivered()).hasTracked(904L, Map.of("k", "v"));
    }

    @Test
    void aTypeLevelAnnotationDoesNotWarnAboutMethodsWithoutIdSource() {
        MethodPlan plan = tracking.handler().plan(method(TypeLevel.class, "noIdSource"), TypeLevel.class);

        assertThat(plan.annotated()).isTrue();
        assertThat(plan.problems()).isEmpty();
    }

    @Test
    void aCorrectMethodHasNoProblems() {
        assertThat(plan("fine").problems()).isEmpty();
        assertThat(plan("fine").trackable()).isTrue();
        assertThat(tracking.logged(Level.WARN)).isEmpty();
        assertThat(tracking.logged(Level.ERROR)).isEmpty();
    }

    @Test
    void privateAndStaticMethodsAreErrorsBecauseNoInterceptorReachesThem() {
        MethodPlan privatePlan = MethodAnalyzer.analyze(method(Misuses.class, "privateMethod"), Misuses.class,
                TrackingConfig.defaults(), List.of());
        MethodPlan staticPlan = MethodAnalyzer.analyze(method(Misuses.class, "staticMethod"), Misuses.class,
                TrackingConfig.defaults(), List.of());

        assertThat(privatePlan.trackable()).isFalse();
        assertThat(privatePlan.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.ERROR);
            assertThat(problem.message()).startsWith("a private method cannot be intercepted");
        });
        assertThat(staticPlan.trackable()).isFalse();
        assertThat(staticPlan.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.ERROR);
            assertThat(problem.message()).startsWith("a static method cannot be intercepted");
        });
    }

    @Test
    void anUnreachableMethodAFrameworkReportsIsLoggedAndCountedOnce() throws Exception {
        TrackMetadataHandler handler = tracking.handler();
        Method unreachable = method(Misuses.class, "privateMethod");

        MethodPlan plan = handler.reportUnreachable(unreachable, Misuses.class);
        assertThat(handler.reportUnreachable(unreachable, Misuses.class)).isSameAs(plan);
        // Neither a trackable method nor one without the annotation is misuse, reported or not.
        handler.reportUnreachable(method(Misuses.class, "fine"), Misuses.class);
        handler.reportUnreachable(Object.class.getMethod("toString"), Misuses.class);

        assertThat(plan.trackable()).isFalse();
        assertThat(handler.stats().misused()).isEqualTo(1);
        assertThat(tracking.logged(Level.ERROR)).singleElement().asString()
                .contains("privateMethod", "a private method cannot be intercepted");
        assertThat(plan).hasToString("MethodPlan{" + Misuses.class.getName() + ".privateMethod(long), trackable=false,"
                + " problems=" + plan.problems() + "}");
        assertThat(handler.config().enabled()).isTrue();
    }

    @Test
    void aProblemReadsAsTheMethodThenWhatIsWrong() {
        TrackingProblem problem = plan("doubleId").problems().get(0);

        assertThat(problem).hasToString(
                "@TrackMetadata on " + Misuses.class.getName() + ".doubleId(double): " + problem.message());
    }
}
