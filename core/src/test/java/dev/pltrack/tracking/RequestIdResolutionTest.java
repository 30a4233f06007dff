package dev.pltrack.tracking;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Level;
import dev.pltrack.HasPromptLayerRequestId;
import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import dev.pltrack.TrackingContext;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where the request id comes from, first found wins: the {@code @PromptLayerRequestId} argument,
 * the return value, the {@link TrackingContext}; with none, nothing is sent.
 */
// Scopes are opened for their effect on the thread; the variable exists only to close them.
@SuppressWarnings("try")
class RequestIdResolutionTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    @RegisterExtension
    final TrackingHarness tracking = TrackingHarness.on(promptLayer);

    static final Map<String, String> RATED = Map.of("event", "rated");

    interface Ratings {
        @TrackMetadata("event=rated")
        void primitiveLong(@PromptLayerRequestId long id);

        @TrackMetadata("event=rated")
        void primitiveInt(@PromptLayerRequestId int id);

        @TrackMetadata("event=rated")
        void boxedLong(@PromptLayerRequestId Long id);

        @TrackMetadata("event=rated")
        void boxedInt(@PromptLayerRequestId Integer id);

        @TrackMetadata("event=rated")
        void text(@PromptLayerRequestId String id);

        @TrackMetadata("event=rated")
        long textOrReturned(@PromptLayerRequestId String id);

        @TrackMetadata("event=rated")
        long boxedOrReturned(@PromptLayerRequestId Long id);
    }

    static final class RatingService implements Ratings {
        @Override
        public void primitiveLong(long id) {
        }

        @Override
        public void primitiveInt(int id) {
        }

        @Override
        public void boxedLong(Long id) {
        }

        @Override
        public void boxedInt(Integer id) {
        }

        @Override
        public void text(String id) {
        }

        @Override
        public long textOrReturned(String id) {
            return 990;
        }

        @Override
        public long boxedOrReturned(Long id) {
            return 991;
        }
    }

    record Answer(long promptLayerRequestId, String text) implements HasPromptLayerRequestId {
    }

    /** Each method returns a fixed value; the ids are all different so each track is its own. */
    interface Answers {
        @TrackMetadata("event=answered")
        long primitiveLong();

        @TrackMetadata("event=answered")
        int primitiveInt();

        @TrackMetadata("event=answered")
        Long boxedLong();

        @TrackMetadata("event=answered")
        Integer boxedInt();

        @TrackMetadata("event=answered")
        Answer carrier();

        @TrackMetadata("event=answered")
        Optional<Long> optionalLong();

        @TrackMetadata("event=answered")
        Optional<Integer> optionalInt();

        @TrackMetadata("event=answered")
        Optional<Answer> optionalCarrier();

        @TrackMetadata("event=answered")
        Optional<Answer> emptyOptional();

        @TrackMetadata("event=answered")
        Long nullId();

        @TrackMetadata("event=answered")
        HasPromptLayerRequestId nullCarrier();

        @TrackMetadata("event=answered")
        void nothing();

        @TrackMetadata("event=answered")
        String text();
    }

    static final class AnswerService implements Answers {
        @Override
        public long primitiveLong() {
            return 201;
        }

        @Override
        public int primitiveInt() {
            return 202;
        }

        @Override
        public Long boxedLong() {
            return 203L;
        }

        @Override
        public Integer boxedInt() {
            return 204;
        }

        @Override
        public Answer carrier() {
            return new Answer(205, "hello");
        }

        @Override
        public Optional<Long> optionalLong() {
            return Optional.of(206L);
        }

        @Override
        public Optional<Integer> optionalInt() {
            return Optional.of(207);
        }

        @Override
        public Optional<Answer> optionalCarrier() {
            return Optional.of(new Answer(208, "hello"));
        }

        @Override
        public Optional<Answer> emptyOptional() {
            return Optional.empty();
        }

        @Override
        public Long nullId() {
            return null;
        }

        @Override
        public HasPromptLayerRequestId nullCarrier() {
            return null;
        }

        @Override
        public void nothing() {
        }

        @Override
        public String text() {
            return "not an id";
        }
    }

    /** A return value that may carry the id is a source: no "no request id source" warning for it. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"primitiveLong", "primitiveInt", "boxedLong", "boxedInt", "carrier", "optionalLong",
        "optionalCarrier", "nullCarrier"})
    void aReturnTypeThatCanCarryTheIdDrawsNoWarning(String name) throws NoSuchMethodException {
        MethodPlan plan = tracking.handler().plan(Answers.class.getMethod(name), AnswerService.class);

        assertThat(plan.trackable()).isTrue();
        assertThat(plan.problems()).isEmpty();
    }

    @Nested
    class FromTheAnnotatedParameter {

        static Stream<Arguments> everyIdType() {
            return Stream.of(
                    Arguments.of("long", (Consumer<Ratings>) ratings -> ratings.primitiveLong(101L), 101L),
                    Arguments.of("int", (Consumer<Ratings>) ratings -> ratings.primitiveInt(102), 102L),
                    Arguments.of("Long", (Consumer<Ratings>) ratings -> ratings.boxedLong(103L), 103L),
                    Arguments.of("Integer", (Consumer<Ratings>) ratings -> ratings.boxedInt(104), 104L),
                    Arguments.of("String", (Consumer<Ratings>) ratings -> ratings.text("105"), 105L),
                    Arguments.of("String with spaces", (Consumer<Ratings>) ratings -> ratings.text("  106 \t"), 106L),
                    Arguments.of("long beyond the int range", (Consumer<Ratings>) ratings ->
                            ratings.primitiveLong(9_000_000_000L), 9_000_000_000L));
        }

        @ParameterizedTest(name = "a {0} argument")
        @MethodSource("everyIdType")
        void anArgumentOfEachSupportedTypeIsTheRequestId(String type, Consumer<Ratings> call, long expectedId) {
            call.accept(tracking.proxy(Ratings.class, new RatingService()));

            FakePromptLayer fake = tracking.delivered();
            assertThat(fake.received()).singleElement().satisfies(track -> {
                assertThat(track.requestId()).isEqualTo(expectedId);
                assertThat(track.metadata()).isEqualTo(RATED);
            });
            assertThat(tracking.handler().stats().tracked()).isEqualTo(1);
        }

        @Test
        void aNullArgumentFallsThroughToTheReturnValue() {
            long returned = tracking.proxy(Ratings.class, new RatingService()).boxedOrReturned(null);

            assertThat(returned).isEqualTo(991);
            assertThat(tracking.delivered()).hasAcceptedTracks(1).hasTracked(991L, RATED);
        }

        @Test
        void aNullArgumentFallsThroughToTheContext() {
            Ratings ratings = tracking.proxy(Ratings.class, new RatingService());

            try (TrackingContext.Scope ignored = TrackingContext.current().withRequestId(110).open()) {
                ratings.boxedLong(null);
                ratings.text(null);
            }

            // Both calls go to request 110; the engine may merge them into one HTTP call.
            assertThat(tracking.delivered()).hasTracked(110L, RATED);
            assertThat(tracking.handler().stats().tracked()).isEqualTo(2);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"abc", "12a", "", "1.5", "99999999999999999999"})
        void aNonNumericStringIsInvalidAndNothingIsSent(String id) {
            Ratings ratings = tracking.proxy(Ratings.class, new RatingService());

            assertThatCode(() -> ratings.text(id)).doesNotThrowAnyException();

            assertThat(tracking.delivered()).hasReceivedNothing();
            TrackingStats stats = tracking.handler().stats();
            assertThat(stats.invalid()).isEqualTo(1);
            assertThat(stats.tracked()).isZero();
            assertThat(tracking.logged(Level.WARN)).singleElement().asString()
                    .contains("RatingService.text(String)", "@PromptLayerRequestId argument is not a number");
        }

        @Test
        void aNonNumericStringDoesNotFallThroughToTheReturnValue() {
            // A broken id is a bug to report, not a reason to guess another request.
            long returned = tracking.proxy(Ratings.class, new RatingService()).textOrReturned("first");

            assertThat(returned).isEqualTo(990);
            assertThat(tracking.delivered()).hasReceivedNothing();
            assertThat(tracking.handler().stats().invalid()).isEqualTo(1);
        }

        @Test
        void aZeroOrNegativeIdIsInvalidAndNothingIsSent() {
            Ratings ratings = tracking.proxy(Ratings.class, new RatingService());

            ratings.primitiveLong(0);
            ratings.primitiveInt(-4);
            ratings.text("-7");

            assertThat(tracking.delivered()).hasReceivedNothing();
            assertThat(tracking.handler().stats().invalid()).isEqualTo(3);
            assertThat(tracking.logged(Level.WARN)).hasSize(3)
                    .allSatisfy(line -> assertThat(line).contains("request_id must be a positive integer"));
        }
    }

    @Nested
    class FromTheReturnValue {

        @Test
        void everyReturnTypeThatCarriesAnIdIsTrackedUnderThatId() {
            Answers answers = tracking.proxy(Answers.class, new AnswerService());

            assertThat(answers.primitiveLong()).isEqualTo(201);
            assertThat(answers.primitiveInt()).isEqualTo(202);
            assertThat(answers.boxedLong()).isEqualTo(203);
            assertThat(answers.boxedInt()).isEqualTo(204);
            assertThat(answers.carrier()).isEqualTo(new Answer(205, "hello"));
            assertThat(answers.optionalLong()).contains(206L);
            assertThat(answers.optionalInt()).contains(207);
            assertThat(answers.optionalCarrier()).contains(new Answer(208, "hello"));

            FakePromptLayer fake = tracking.delivered();
            assertThat(fake.trackedRequestIds()).containsExactlyInAnyOrder(201L, 202L, 203L, 204L, 205L, 206L, 207L,
                    208L);
            assertThat(fake).hasAcceptedTracks(8);
            for (long id = 201; id <= 208; id++) {
                assertThat(fake).hasTracked(id, Map.of("event", "answered"));
            }
            assertThat(tracking.handler().stats().tracked()).isEqualTo(8);
        }

        @Test
        void anEmptyOptionalOrNullFallsThroughToTheContext() {
            Answers answers = tracking.proxy(Answers.class, new AnswerService());

            try (TrackingContext.Scope ignored = TrackingContext.current().withRequestId(210).open()) {
                assertThat(answers.emptyOptional()).isEmpty();
            }
            try (TrackingContext.Scope ignored = TrackingContext.current().withRequestId(211).open()) {
                assertThat(answers.nullId()).isNull();
            }
            try (TrackingContext.Scope ignored = TrackingContext.current().withRequestId(212).open()) {
                assertThat(answers.nullCarrier()).isNull();
            }

            assertThat(tracking.delivered()).hasAcceptedTracks(3)
                    .hasTracked(210L, Map.of("event", "answered"))
                    .hasTracked(211L, Map.of("event", "answered"))
                    .hasTracked(212L, Map.of("event", "answered"));
        }

        @Test
        void aVoidOrTextMethodTakesItsIdFromTheContext() {
            Answers answers = tracking.proxy(Answers.class, new AnswerService());

            try (TrackingContext.Scope ignored = TrackingContext.current().withRequestId(221).open()) {
                answers.nothing();
            }
            try (TrackingContext.Scope ignored = TrackingContext.current().withRequestId(222).open()) {
                assertThat(answers.text()).isEqualTo("not an id");
            }

            assertThat(tracking.delivered()).hasAcceptedTracks(2)
                    .hasTracked(221L, Map.of("event", "answered"))
                    .hasTracked(222L, Map.of("event", "answered"));
        }
    }

    @Nested
    class Precedence {

        interface Mixed {
            @TrackMetadata("event=mixed")
            long answer(@PromptLayerRequestId long id);

            @TrackMetadata("event=mixed")
            Answer fromReturn();
        }

        static final class MixedService implements Mixed {
            @Override
            public long answer(long id) {
                return 302;
            }

            @Override
            public Answer fromReturn() {
                return new Answer(312, "returned");
            }
        }

        @Test
        void theParameterWinsOverTheReturnValueAndTheContext() {
            Mixed mixed = tracking.proxy(Mixed.class, new MixedService());

            try (TrackingContext.Scope ignored = TrackingContext.current().withRequestId(303).open()) {
                assertThat(mixed.answer(301)).isEqualTo(302);
            }

            FakePromptLayer fake = tracking.delivered();
            assertThat(fake).hasAcceptedTracks(1).hasTracked(301L, Map.of("event", "mixed"));
            assertThat(fake).hasNotTracked(302L).hasNotTracked(303L);
        }

        @Test
        void theReturnValueWinsOverTheContext() {
            Mixed mixed = tracking.proxy(Mixed.class, new MixedService());

            try (TrackingContext.Scope ignored = TrackingContext.current().withRequestId(313).open()) {
                mixed.fromReturn();
            }

            FakePromptLayer fake = tracking.delivered();
            assertThat(fake).hasAcceptedTracks(1).hasTracked(312L, Map.of("event", "mixed"));
            assertThat(fake).hasNotTracked(313L);
        }
    }

    @Nested
    class NoneFound {

        @Test
        void nothingIsSentEachCallIsCountedAndEachMethodIsLoggedOnce() {
            Answers answers = tracking.proxy(Answers.class, new AnswerService());

            assertThatCode(() -> {
                answers.nothing();
                answers.nothing();
                answers.nothing();
                assertThat(answers.emptyOptional()).isEmpty();
                assertThat(answers.nullId()).isNull();
                assertThat(answers.text()).isEqualTo("not an id");
            }).doesNotThrowAnyException();

            assertThat(tracking.delivered()).hasReceivedNothing();
            assertThat(tracking.engine().stats().submitted()).isZero();
            assertThat(tracking.handler().stats().noRequestId()).isEqualTo(6);
            assertThat(tracking.handler().stats().untracked()).isEqualTo(6);
            assertThat(tracking.logged(Level.WARN))
                    .filteredOn(line -> line.contains("no request id found"))
                    .hasSize(4)
                    .anySatisfy(line -> assertThat(line).contains("AnswerService.nothing()"))
                    .anySatisfy(line -> assertThat(line).contains("AnswerService.emptyOptional()"))
                    .anySatisfy(line -> assertThat(line).contains("AnswerService.nullId()"))
                    .anySatisfy(line -> assertThat(line).contains("AnswerService.text()"));
        }
    }
}
