package dev.pltrack.tracking;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pltrack.MetadataParam;
import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import dev.pltrack.testkit.FakePromptLayerExtension;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code @TrackMetadata} is found where users put it: on an interface method, on the implementing
 * method, on a superclass method, or on a type (then for its public methods only).
 */
class AnnotationDiscoveryTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    @RegisterExtension
    final TrackingHarness tracking = TrackingHarness.on(promptLayer);

    interface AnnotatedContract {
        @TrackMetadata("on=interface")
        long answer(@PromptLayerRequestId long id, @MetadataParam("user") String user);
    }

    static final class PlainImplementation implements AnnotatedContract {
        @Override
        public long answer(long id, String user) {
            return id;
        }
    }

    interface PlainContract {
        long answer(long id, String user);

        long untracked(long id);
    }

    /** The annotations sit on the implementation only. */
    static final class AnnotatedImplementation implements PlainContract {
        @Override
        @TrackMetadata("on=implementation")
        public long answer(@PromptLayerRequestId long id, @MetadataParam("user") String user) {
            return id;
        }

        @Override
        public long untracked(long id) {
            return id;
        }
    }

    /** The request id is marked on the interface, the tracking on the implementation. */
    interface IdOnInterface {
        long answer(@PromptLayerRequestId long id);
    }

    static final class TrackedImplementation implements IdOnInterface {
        @Override
        @TrackMetadata("split=yes")
        public long answer(long id) {
            return -1;
        }
    }

    abstract static class Base {
        @TrackMetadata("on=superclass")
        public abstract long answer(@PromptLayerRequestId long id);
    }

    static final class Derived extends Base {
        @Override
        public long answer(long id) {
            return id;
        }
    }

    interface Service {
        long first(long id);

        long second(long id);
    }

    @TrackMetadata("on=type")
    static class TypeAnnotated implements Service {
        @Override
        public long first(long id) {
            return id;
        }

        @Override
        @TrackMetadata("on=method")
        public long second(long id) {
            return id;
        }

        long packagePrivate(long id) {
            return id;
        }

        protected long protectedMethod(long id) {
            return id;
        }

        public static long staticMethod(long id) {
            return id;
        }

        @Override
        public String toString() {
            return "TypeAnnotated";
        }

        @Override
        public boolean equals(Object other) {
            return other == this;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    /** {@code @TrackMetadata} is {@code @Inherited}: a subclass of an annotated type is annotated. */
    static final class InheritsType extends TypeAnnotated {
    }

    @TrackMetadata("on=interface-type")
    interface TypeAnnotatedContract {
        long answer(long id);
    }

    static final class ImplementsTypeAnnotatedContract implements TypeAnnotatedContract {
        @Override
        public long answer(long id) {
            return id;
        }
    }

    /** Implementations of a generic interface are called through compiler-made bridge methods. */
    interface Generic<T> {
        long handle(T input);
    }

    @TrackMetadata("on=generic-type")
    static final class TypeAnnotatedGeneric implements Generic<String> {
        @Override
        public long handle(String input) {
            return Long.parseLong(input);
        }
    }

    static final class MethodAnnotatedGeneric implements Generic<String> {
        @Override
        @TrackMetadata("on=generic-method")
        public long handle(@MetadataParam String input) {
            return Long.parseLong(input);
        }
    }

    @SuppressWarnings("unchecked")
    private Generic<String> generic(Generic<String> target) {
        return tracking.proxy(Generic.class, target);
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getDeclaredMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anAnnotationOnTheInterfaceMethodIsFound() {
        long returned = tracking.proxy(AnnotatedContract.class, new PlainImplementation()).answer(1001, "u-1");

        assertThat(returned).isEqualTo(1001);
        assertThat(tracking.delivered()).hasTracked(1001L, Map.of("on", "interface", "user", "u-1"));
    }

    @Test
    void anAnnotationOnTheImplementationMethodIsFoundThroughTheInterface() {
        PlainContract proxy = tracking.proxy(PlainContract.class, new AnnotatedImplementation());

        proxy.answer(1002, "u-2");
        proxy.untracked(1003);

        assertThat(tracking.delivered()).hasAcceptedTracks(1)
                .hasTracked(1002L, Map.of("on", "implementation", "user", "u-2"));
    }

    @Test
    void parameterAnnotationsOnTheInterfaceCombineWithTrackMetadataOnTheImplementation() {
        tracking.proxy(IdOnInterface.class, new TrackedImplementation()).answer(1004);

        assertThat(tracking.delivered()).hasTracked(1004L, Map.of("split", "yes"));
    }

    @Test
    void anAnnotationOnASuperclassMethodIsFound() throws Throwable {
        Method called = method(Base.class, "answer", long.class);

        Object returned = tracking.handler().invoke(called, Derived.class, new Object[] {1005L},
                () -> new Derived().answer(1005));

        assertThat(returned).isEqualTo(1005L);
        assertThat(tracking.delivered()).hasTracked(1005L, Map.of("on", "superclass"));
    }

    @Test
    void aTypeLevelAnnotationCoversEveryPublicMethodAndAMethodAnnotationOverridesIt() {
        Service service = tracking.proxy(Service.class, new TypeAnnotated());

        service.first(1006);
        service.second(1007);

        // Plain `long` parameters are not request ids: the ids come from the return values.
        assertThat(tracking.delivered())
                .hasTracked(1006L, Map.of("on", "type"))
                .hasTracked(1007L, Map.of("on", "method"));
    }

    @Test
    void aTypeLevelAnnotationSkipsNonPublicStaticAndObjectMethods() {
        assertThat(MethodAnalyzer.findAnnotation(method(TypeAnnotated.class, "first", long.class), TypeAnnotated.class))
                .hasValueSatisfying(found -> assertThat(found.value()).containsExactly("on=type"));
        assertThat(MethodAnalyzer.findAnnotation(method(TypeAnnotated.class, "packagePrivate", long.class),
                TypeAnnotated.class)).isEmpty();
        assertThat(MethodAnalyzer.findAnnotation(method(TypeAnnotated.class, "protectedMethod", long.class),
                TypeAnnotated.class)).isEmpty();
        assertThat(MethodAnalyzer.findAnnotation(method(TypeAnnotated.class, "staticMethod", long.class),
                TypeAnnotated.class)).isEmpty();
        assertThat(MethodAnalyzer.findAnnotation(method(TypeAnnotated.class, "toString"), TypeAnnotated.class))
                .isEmpty();
        assertThat(MethodAnalyzer.findAnnotation(method(TypeAnnotated.class, "equals", Object.class),
                TypeAnnotated.class)).isEmpty();
        assertThat(MethodAnalyzer.findAnnotation(method(TypeAnnotated.class, "hashCode"), TypeAnnotated.class))
                .isEmpty();
        assertThat(MethodAnalyzer.findAnnotation(method(Object.class, "toString"), TypeAnnotated.class)).isEmpty();
    }

    @Test
    void toStringOfATypeAnnotatedBeanIsNotTrackedEvenWhenAnInterceptorSeesIt() throws Throwable {
        TypeAnnotated bean = new TypeAnnotated();
        Method toString = method(TypeAnnotated.class, "toString");

        Object returned = tracking.handler().invoke(toString, TypeAnnotated.class, new Object[0], bean::toString);

        assertThat(returned).isEqualTo("TypeAnnotated");
        assertThat(tracking.handler().plan(toString, TypeAnnotated.class).annotated()).isFalse();
        assertThat(tracking.handler().stats()).isEqualTo(new TrackingStats(0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void objectMethodsOfAProxyAreNotTracked() {
        Service service = tracking.proxy(Service.class, new TypeAnnotated());

        assertThat(service.toString()).isEqualTo("TypeAnnotated");
        assertThat(service.hashCode()).isEqualTo(1);

        assertThat(tracking.delivered()).hasReceivedNothing();
        assertThat(tracking.handler().stats()).isEqualTo(new TrackingStats(0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void anExceptionFromTheTargetsToStringReachesTheCallerUnwrapped() {
        IllegalStateException failure = new IllegalStateException("not printable");
        Service service = tracking.proxy(Service.class, new TypeAnnotated() {
            @Override
            public String toString() {
                throw failure;
            }
        });

        assertThat(catchThrowable(service::toString)).isSameAs(failure);
    }

    @Test
    void aSubclassOfATypeAnnotatedClassIsAnnotated() {
        tracking.proxy(Service.class, new InheritsType()).first(1008);

        assertThat(tracking.delivered()).hasTracked(1008L, Map.of("on", "type"));
    }

    @Test
    void aTypeLevelAnnotationOnAnInterfaceCoversItsMethods() {
        tracking.proxy(TypeAnnotatedContract.class, new ImplementsTypeAnnotatedContract()).answer(1009);

        assertThat(tracking.delivered()).hasTracked(1009L, Map.of("on", "interface-type"));
        assertThat(MethodAnalyzer.findAnnotation(method(TypeAnnotatedContract.class, "answer", long.class),
                ImplementsTypeAnnotatedContract.class)).isPresent();
    }

    @Test
    void findAnnotationPrefersTheMethodOverTheTypeAndWorksWithoutATargetClass() {
        assertThat(MethodAnalyzer.findAnnotation(method(TypeAnnotated.class, "second", long.class), null))
                .hasValueSatisfying(found -> assertThat(found.value()).containsExactly("on=method"));
        assertThat(MethodAnalyzer.findAnnotation(method(Service.class, "second", long.class), TypeAnnotated.class))
                .hasValueSatisfying(found -> assertThat(found.value()).containsExactly("on=method"));
        assertThat(MethodAnalyzer.findAnnotation(method(AnnotatedContract.class, "answer", long.class, String.class),
                null)).isPresent();
        assertThat(MethodAnalyzer.findAnnotation(method(PlainContract.class, "answer", long.class, String.class),
                null)).isEmpty();
        assertThat(MethodAnalyzer.findAnnotation(method(PlainContract.class, "answer", long.class, String.class),
                AnnotatedImplementation.class))
                .hasValueSatisfying(found -> assertThat(found.value()).containsExactly("on=implementation"));
    }

    @Test
    void anUnannotatedMethodRunsUntouched() throws Throwable {
        Method untracked = method(PlainContract.class, "untracked", long.class);

        Object returned = tracking.handler().invoke(untracked, AnnotatedImplementation.class, new Object[] {1010L},
                () -> 1010L);

        assertThat(returned).isEqualTo(1010L);
        assertThat(tracking.handler().plan(untracked, AnnotatedImplementation.class).annotated()).isFalse();
        assertThat(tracking.delivered()).hasReceivedNothing();
    }

    @Test
    void aGenericImplementationIsTrackedThroughItsBridgeMethod() {
        generic(new TypeAnnotatedGeneric()).handle("1011");
        generic(new MethodAnnotatedGeneric()).handle("1012");

        assertThat(tracking.delivered())
                .hasTracked(1011L, Map.of("on", "generic-type"))
                .hasTracked(1012L, Map.of("on", "generic-method", "input", "1012"));
    }

    @Test
    void mayTrackSeesEveryPlaceFindAnnotationLooksAndNothingElse() {
        assertThat(List.of(PlainImplementation.class, AnnotatedImplementation.class, TrackedImplementation.class,
                Derived.class, TypeAnnotated.class, InheritsType.class, ImplementsTypeAnnotatedContract.class,
                TypeAnnotatedGeneric.class, MethodAnnotatedGeneric.class))
                .allSatisfy(type -> assertThat(MethodAnalyzer.mayTrack(type)).as(type.getSimpleName()).isTrue());
        assertThat(MethodAnalyzer.mayTrack(Object.class)).isFalse();
        assertThat(MethodAnalyzer.mayTrack(String.class)).isFalse();
        assertThat(MethodAnalyzer.mayTrack(java.util.ArrayList.class)).isFalse();
    }

    /** Implements a contract none of whose methods is annotated, and extends a class that is not either. */
    static class Untracked extends java.util.AbstractList<String> implements PlainContract {
        @Override
        public String get(int index) {
            return "";
        }

        @Override
        public int size() {
            return 0;
        }

        @Override
        public long answer(long id, String user) {
            return id;
        }

        @Override
        public long untracked(long id) {
            return id;
        }
    }

    /**
     * As above, on classes no test has asked about: mayTrack keeps its answer per class, so these are
     * this test's fixtures loaded afresh, and the answers are computed here, not remembered.
     */
    @Test
    void mayTrackComputesTheSameAnswersForClassesItHasNotSeenBefore() throws ClassNotFoundException {
        ClassLoader fresh = new FixtureLoader(AnnotationDiscoveryTest.class.getClassLoader());
        for (Class<?> tracked : List.of(PlainImplementation.class, AnnotatedImplementation.class, Derived.class,
                InheritsType.class, ImplementsTypeAnnotatedContract.class, AnnotatedContract.class, Base.class)) {
            Class<?> again = Class.forName(tracked.getName(), false, fresh);
            assertThat(again).isNotSameAs(tracked);
            assertThat(MethodAnalyzer.mayTrack(again)).as(tracked.getSimpleName()).isTrue();
        }
        for (Class<?> untracked : List.of(Untracked.class, PlainContract.class)) {
            Class<?> again = Class.forName(untracked.getName(), false, fresh);
            assertThat(MethodAnalyzer.mayTrack(again)).as(untracked.getSimpleName()).isFalse();
        }
    }

    /** Defines this test's nested classes itself; everything else (pltrack's annotations, the JDK) comes from the parent. */
    private static final class FixtureLoader extends ClassLoader {
        private static final String FIXTURES = AnnotationDiscoveryTest.class.getName() + "$";

        FixtureLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(FIXTURES)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try (java.io.InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (java.io.IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return loaded;
            }
        }
    }
}
