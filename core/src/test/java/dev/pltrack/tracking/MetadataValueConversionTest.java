package dev.pltrack.tracking;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.pltrack.MetadataParam;
import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import dev.pltrack.testkit.FakePromptLayerExtension;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code @MetadataParam} values reach PromptLayer as the plain text a person would write. */
class MetadataValueConversionTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    @RegisterExtension
    final TrackingHarness tracking = TrackingHarness.on(promptLayer);

    enum Plan { FREE, PRO }

    record Prompt(String template, int version, LocalDate since, Optional<String> owner) {
    }

    /** A plain bean, as many applications still have. */
    public static final class Customer {
        private final String name = "Ada";
        private final int tier = 2;

        public String getName() {
            return name;
        }

        public int getTier() {
            return tier;
        }
    }

    /** Writing it as JSON fails: its getter throws. */
    public static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("not loaded");
        }
    }

    interface Values {
        @TrackMetadata
        void scalars(@PromptLayerRequestId long id,
                @MetadataParam("text") String text,
                @MetadataParam("int") int integer,
                @MetadataParam("long") long longValue,
                @MetadataParam("double") double fraction,
                @MetadataParam("big_double") double big,
                @MetadataParam("tiny_double") Double tiny,
                @MetadataParam("decimal") BigDecimal decimal,
                @MetadataParam("flag") boolean flag,
                @MetadataParam("plan") Plan plan,
                @MetadataParam("session") UUID session,
                @MetadataParam("day") LocalDate day,
                @MetadataParam("at") Instant at);

        @TrackMetadata
        void objects(@PromptLayerRequestId long id,
                @MetadataParam("prompt") Prompt prompt,
                @MetadataParam("customer") Customer customer,
                @MetadataParam("tags") List<String> tags,
                @MetadataParam("limits") Map<String, Integer> limits);

        @TrackMetadata("always=here")
        void optional(@PromptLayerRequestId long id, @MetadataParam("maybe") Optional<Plan> maybe);

        @TrackMetadata("channel=web")
        void channel(@PromptLayerRequestId long id, @MetadataParam("channel") String channel,
                @MetadataParam("user") String user);

        @TrackMetadata("k=v")
        void named(@PromptLayerRequestId long id, @MetadataParam String userId, @MetadataParam(" ") String blank);

        @TrackMetadata("k=v")
        void unwritable(@PromptLayerRequestId long id, @MetadataParam("broken") Unwritable broken,
                @MetadataParam("fine") String fine);
    }

    /** Does nothing; only the tracking matters. */
    static final class NoOp implements Values {
        @Override
        public void scalars(long id, String text, int integer, long longValue, double fraction, double big,
                Double tiny, BigDecimal decimal, boolean flag, Plan plan, UUID session, LocalDate day, Instant at) {
        }

        @Override
        public void objects(long id, Prompt prompt, Customer customer, List<String> tags,
                Map<String, Integer> limits) {
        }

        @Override
        public void optional(long id, Optional<Plan> maybe) {
        }

        @Override
        public void channel(long id, String channel, String user) {
        }

        @Override
        public void named(long id, String userId, String blank) {
        }

        @Override
        public void unwritable(long id, Unwritable broken, String fine) {
        }
    }

    private Values values() {
        return tracking.proxy(Values.class, new NoOp());
    }

    @Test
    void textNumbersBooleansEnumsUuidsAndDatesBecomeTheirPlainText() {
        UUID session = UUID.fromString("6f1c2a34-93b5-4f7e-a8c1-0d2e3f405162");

        values().scalars(701, "héllo wörld", 42, 9_007_199_254_740_993L, 0.25, 1e10, 1.5e-5,
                new BigDecimal("1E+3"), true, Plan.PRO, session, LocalDate.of(2024, 5, 1),
                Instant.parse("2024-05-01T12:30:00Z"));

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("text", "héllo wörld");
        expected.put("int", "42");
        expected.put("long", "9007199254740993");
        expected.put("double", "0.25");
        expected.put("big_double", "10000000000");
        expected.put("tiny_double", "0.000015");
        expected.put("decimal", "1000");
        expected.put("flag", "true");
        expected.put("plan", "PRO");
        expected.put("session", "6f1c2a34-93b5-4f7e-a8c1-0d2e3f405162");
        expected.put("day", "2024-05-01");
        expected.put("at", "2024-05-01T12:30:00Z");
        assertThat(tracking.delivered()).hasTracked(701L, expected);
    }

    @Test
    void otherObjectsBecomeCompactJson() {
        values().objects(702, new Prompt("greet", 3, LocalDate.of(2024, 1, 2), Optional.of("ops")),
                new Customer(), List.of("a", "b"), new LinkedHashMap<>(Map.of("tokens", 512)));

        assertThat(tracking.delivered()).hasTracked(702L, Map.of(
                "prompt", "{\"template\":\"greet\",\"version\":3,\"since\":\"2024-01-02\",\"owner\":\"ops\"}",
                "customer", "{\"name\":\"Ada\",\"tier\":2}",
                "tags", "[\"a\",\"b\"]",
                "limits", "{\"tokens\":512}"));
    }

    @Test
    void anOptionalGivesItsValueAndAnEmptyOneLeavesTheKeyOut() {
        Values values = values();

        values.optional(703, Optional.of(Plan.FREE));
        values.optional(704, Optional.empty());

        assertThat(tracking.delivered())
                .hasTracked(703L, Map.of("always", "here", "maybe", "FREE"))
                .hasTracked(704L, Map.of("always", "here"));
    }

    @Test
    void aNullLeavesTheKeyOutAndDoesNotRemoveAStaticEntryOfTheSameKey() {
        Values values = values();

        values.channel(705, null, null);
        values.channel(706, "app", "u-6");

        assertThat(tracking.delivered())
                .hasTracked(705L, Map.of("channel", "web"))
                .hasTracked(706L, Map.of("channel", "app", "user", "u-6"));
    }

    @Test
    void withoutAKeyTheParameterNameIsUsed() {
        // The build compiles with -parameters (see the parent pom), as Spring Boot, Micronaut and Quarkus do.
        values().named(707, "u-7", "b");

        assertThat(tracking.delivered()).hasTracked(707L, Map.of("k", "v", "userId", "u-7", "blank", "b"));
    }

    interface Renamed {
        @TrackMetadata("k=v")
        void rate(@PromptLayerRequestId long id, @MetadataParam String userId);
    }

    static final class RenamedService implements Renamed {
        @Override
        public void rate(long id, String user) {
        }
    }

    @Test
    void theNameIsTheOneDeclaredWhereTheAnnotationSits() {
        // The interface is the contract; the implementation's own parameter names are its business.
        tracking.proxy(Renamed.class, new RenamedService()).rate(710, "u-10");

        assertThat(tracking.delivered()).hasTracked(710L, Map.of("k", "v", "userId", "u-10"));
    }

    @Test
    void aCalledClassWithoutParameterNamesStillGetsTheNameFromItsInterface() throws NoSuchMethodException {
        // A JDK proxy class stands for generated classes (proxies, framework subclasses) that carry no names.
        Class<?> generated = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Renamed.class},
                (proxy, method, arguments) -> null).getClass();
        Method rate = Renamed.class.getMethod("rate", long.class, String.class);
        assertThat(generated.getMethod("rate", long.class, String.class).getParameters()[1].isNamePresent())
                .isFalse();

        MethodPlan plan = tracking.handler().plan(rate, generated);

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.trackable()).isTrue();
    }

    @Test
    void withoutAnyParameterNamesAKeylessParameterIsAnErrorThatSaysHowToFixIt(@TempDir Path classes)
            throws Throwable {
        // javac without -parameters: the one honest way to get a class without names.
        Path source = classes.resolve("Unnamed.java");
        Files.writeString(source, """
                public class Unnamed {
                    @dev.pltrack.TrackMetadata("k=v")
                    public long rate(@dev.pltrack.PromptLayerRequestId long id,
                            @dev.pltrack.MetadataParam String userId) {
                        return id;
                    }
                }
                """);
        String annotations = Path.of(TrackMetadata.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("the JDK's compiler").isNotNull();
        assertThat(javac.run(null, null, null, "-proc:none", "-classpath", annotations, "-d", classes.toString(),
                source.toString())).isZero();

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> unnamed = loader.loadClass("Unnamed");
            Method rate = unnamed.getMethod("rate", long.class, String.class);
            MethodPlan plan = tracking.handler().plan(rate, unnamed);

            assertThat(plan.trackable()).isFalse();
            assertThat(plan.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.severity()).isEqualTo(TrackingProblem.Severity.ERROR);
                assertThat(problem.message()).isEqualTo("@MetadataParam on parameter 1 has no key and the parameter's"
                        + " name was not compiled in; write @MetadataParam(\"key\") or compile with -parameters");
            });
            Object returned = tracking.handler().invoke(rate, unnamed, new Object[] {711L, "u-11"}, () -> 711L);
            assertThat(returned).isEqualTo(711L);
        }
        assertThat(tracking.delivered()).hasReceivedNothing();
        assertThat(tracking.handler().stats().misused()).isEqualTo(1);
    }

    @Test
    void aValueThatCannotBeWrittenIsLeftOutCountedAndLoggedOnce() {
        Values values = values();

        values.unwritable(708, new Unwritable(), "yes");
        values.unwritable(709, new Unwritable(), "yes");

        assertThat(tracking.delivered())
                .hasTracked(708L, Map.of("k", "v", "fine", "yes"))
                .hasTracked(709L, Map.of("k", "v", "fine", "yes"));
        assertThat(tracking.handler().stats().unconvertible()).isEqualTo(2);
        assertThat(tracking.handler().stats().tracked()).isEqualTo(2);
        assertThat(tracking.logged(Level.WARN)).singleElement().asString()
                .contains("metadata[\"broken\"]", "cannot be written as JSON", "left out");
    }
}
