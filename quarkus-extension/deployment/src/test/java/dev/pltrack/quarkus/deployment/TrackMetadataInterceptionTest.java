package dev.pltrack.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pltrack.TrackingContext;
import dev.pltrack.client.HttpLogging;
import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.quarkus.runtime.PromptLayerRuntimeConfig;
import dev.pltrack.tracking.TrackMetadataHandler;
import dev.pltrack.tracking.TrackingStats;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code @TrackMetadata} on CDI beans, end to end: each way of finding the request id and each
 * source of metadata, checked against what the fake PromptLayer received, and the defaults.
 */
class TrackMetadataInterceptionTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(TrackedService.class, TypeLevelService.class, Answer.class,
                    Greeter.class, Catalog.class, InterfaceBeans.class, InterfaceBeans.GreeterBean.class,
                    InterfaceBeans.CatalogBean.class, SharedFake.class, SharedFake.Bridge.class))
            .overrideRuntimeConfigKey("promptlayer.api-key", SharedFake.API_KEY)
            .overrideRuntimeConfigKey("promptlayer.base-url", SharedFake.BASE_URL_EXPRESSION)
            .overrideRuntimeConfigKey("promptlayer.metadata.environment", "test")
            .overrideRuntimeConfigKey("promptlayer.metadata.feature", "default")
            .overrideRuntimeConfigKey("promptlayer.metadata.shared", "default")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("dev.pltrack"))
            .assertLogRecords(TrackMetadataInterceptionTest::warningsWereLoggedAtBuildTime)
            .setBeforeAllCustomizer(SharedFake::start)
            .setAfterAllCustomizer(SharedFake::stop);

    private static final Map<String, String> DEFAULTS =
            Map.of("environment", "test", "feature", "default", "shared", "default");

    @Inject
    TrackedService service;

    @Inject
    TypeLevelService typeLevel;

    @Inject
    Greeter greeter;

    @Inject
    Catalog catalog;

    @Inject
    TrackMetadataHandler handler;

    @Inject
    PromptLayerRuntimeConfig config;

    @Inject
    PromptLayerClient client;

    @Inject
    DeliveryEngine engine;

    @BeforeEach
    void forgetEarlierTracks() {
        SharedFake.reset();
    }

    @Test
    void unsetPropertiesTakeTheCoresDefaults() {
        assertThat(config.enabled()).isTrue();
        assertThat(config.strict()).isFalse();
        assertThat(config.allowInsecureHttp()).isFalse();
        assertThat(config.httpLogging()).isEqualTo(HttpLogging.NONE);

        PromptLayerConfig clientConfig = client.config();
        assertThat(clientConfig.connectTimeout()).isEqualTo(PromptLayerConfig.DEFAULT_CONNECT_TIMEOUT);
        assertThat(clientConfig.readTimeout()).isEqualTo(PromptLayerConfig.DEFAULT_READ_TIMEOUT);
        assertThat(clientConfig.retryPolicy()).isEqualTo(RetryPolicy.defaults());
        assertThat(clientConfig.baseUrl().toString()).isEqualTo(System.getProperty(SharedFake.BASE_URL_PROPERTY));

        DeliveryConfig delivery = engine.config();
        DeliveryConfig core = DeliveryConfig.defaults();
        assertThat(delivery.queueCapacity()).isEqualTo(core.queueCapacity());
        assertThat(delivery.maxInFlight()).isEqualTo(core.maxInFlight());
        assertThat(delivery.overflowPolicy()).isEqualTo(core.overflowPolicy());
        assertThat(delivery.blockTimeout()).isEqualTo(core.blockTimeout());
        assertThat(delivery.shutdownTimeout()).isEqualTo(core.shutdownTimeout());
        assertThat(delivery.linger()).isEqualTo(core.linger());

        // base-url's own default is the core's too, when nothing sets it.
        assertThat(PromptLayerConfig.builder().apiKey("k").build().baseUrl().toString())
                .isEqualTo(PromptLayerConfig.DEFAULT_BASE_URL);
        assertThat(handler.config().defaultMetadata()).isEqualTo(DEFAULTS);
    }

    @Test
    void requestIdFromAnAnnotatedParameterOfEachType() {
        assertThat(service.idFromLong(101L, 5)).isEqualTo("rated 5");
        service.idFromInt(102);
        service.idFromBoxedLong(103L);
        service.idFromInteger(104);
        service.idFromText(" 105 ");

        SharedFake.awaitTracked(101, 102, 103, 104, 105);
        assertThat(SharedFake.metadataFor(101)).isEqualTo(with(DEFAULTS, "source", "long-param", "rating", "5"));
        assertThat(SharedFake.metadataFor(102)).isEqualTo(with(DEFAULTS, "source", "int-param"));
        assertThat(SharedFake.metadataFor(103)).isEqualTo(with(DEFAULTS, "source", "boxed-long-param"));
        assertThat(SharedFake.metadataFor(104)).isEqualTo(with(DEFAULTS, "source", "integer-param"));
        assertThat(SharedFake.metadataFor(105)).isEqualTo(with(DEFAULTS, "source", "text-param"));
    }

    @Test
    void requestIdFromTheReturnValue() throws Exception {
        UUID session = UUID.fromString("00000000-0000-0000-0000-000000000042");
        assertThat(service.idReturned(201L)).isEqualTo(201L);
        assertThat(service.answer("u-1", session, 202L)).isEqualTo(new Answer(202L, "an answer"));
        assertThat(service.maybeAnswer(203L)).contains(new Answer(203L, "maybe"));
        CompletionStage<Answer> later = service.answerLater(204L);
        assertThat(later.toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo(new Answer(204L, "later"));
        assertThat(service.answerUni(205L).await().indefinitely()).isEqualTo(new Answer(205L, "uni"));

        SharedFake.awaitTracked(201, 202, 203, 204, 205);
        assertThat(SharedFake.metadataFor(201)).isEqualTo(with(DEFAULTS, "source", "long-return"));
        assertThat(SharedFake.metadataFor(202)).isEqualTo(with(DEFAULTS, "feature", "chat", "model", "gpt-4o",
                "user_id", "u-1", "session_id", session.toString()));
        assertThat(SharedFake.metadataFor(203)).isEqualTo(with(DEFAULTS, "source", "optional-return"));
        assertThat(SharedFake.metadataFor(204)).isEqualTo(with(DEFAULTS, "source", "completion-stage"));
        assertThat(SharedFake.metadataFor(205)).isEqualTo(with(DEFAULTS, "source", "uni"));
    }

    @Test
    void aUniIsTrackedOnlyWhenItCompletes() {
        var uni = service.answerUni(206L);
        TrackingStats before = handler.stats();
        assertThat(handler.stats().tracked()).isEqualTo(before.tracked());

        assertThat(uni.await().indefinitely()).isEqualTo(new Answer(206L, "uni"));
        assertThat(handler.stats().tracked()).isEqualTo(before.tracked() + 1);
        SharedFake.awaitTracked(206);
        assertThat(SharedFake.metadataFor(206)).isEqualTo(with(DEFAULTS, "source", "uni"));
    }

    @Test
    void requestIdAndMetadataFromTheTrackingContext() {
        try (TrackingContext.Scope ignored = TrackingContext.current()
                .withRequestId(301L).with("user_id", "ctx-user").open()) {
            service.idFromContext("checkout");
        }

        SharedFake.awaitTracked(301);
        assertThat(SharedFake.metadataFor(301)).isEqualTo(with(DEFAULTS, "user_id", "ctx-user",
                "source", "context", "step", "checkout"));
    }

    @Test
    void laterSourcesWinDefaultsThenContextThenStaticEntriesThenParameters() {
        try (TrackingContext.Scope ignored = TrackingContext.current()
                .with("feature", "context").with("shared", "context").with("user_id", "ctx-user").open()) {
            service.merge(401L, "parameter");
        }

        SharedFake.awaitTracked(401);
        assertThat(SharedFake.metadataFor(401)).isEqualTo(Map.of(
                "environment", "test",      // only in the defaults
                "user_id", "ctx-user",      // the context over nothing
                "feature", "static",        // the annotation over the context and the defaults
                "shared", "parameter"));    // @MetadataParam over everything
    }

    @Test
    void aThrowingCallIsTrackedWithTheErrorAndTheSameExceptionReachesTheCaller() {
        IllegalStateException boom = new IllegalStateException("the model timed out");

        assertThatThrownBy(() -> service.fail(501L, boom)).isSameAs(boom);
        var failed = service.failUni(502L);
        assertThatThrownBy(() -> failed.await().indefinitely())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("uni failed");

        SharedFake.awaitTracked(501, 502);
        assertThat(SharedFake.metadataFor(501)).isEqualTo(with(DEFAULTS, "feature", "chat",
                "error_type", "java.lang.IllegalStateException", "error_message", "the model timed out"));
        assertThat(SharedFake.metadataFor(502)).isEqualTo(with(DEFAULTS, "source", "uni",
                "error_type", "java.lang.IllegalArgumentException", "error_message", "uni failed"));
    }

    @Test
    void noRequestIdAnywhereMeansNoCallAndNoException() {
        TrackingStats before = handler.stats();

        service.noRequestId("x");
        service.notAnnotated(999L);
        try (TrackingContext.Scope ignored = TrackingContext.current().withRequestId(998L).open()) {
            service.notAnnotated(997L);   // a context id alone does not make a method tracked
        }
        service.idReturned(601L);        // a marker: everything before it was decided already

        SharedFake.awaitTracked(601);
        TrackingStats after = handler.stats();
        assertThat(after.noRequestId()).isEqualTo(before.noRequestId() + 1);
        assertThat(after.tracked()).isEqualTo(before.tracked() + 1);
        assertThat(SharedFake.receivedIds()).doesNotContain(999L, 998L, 997L);
    }

    @Test
    void aBeanCallingItsOwnAnnotatedMethodIsTrackedOnce() {
        long trackedBefore = handler.stats().tracked();
        assertThat(service.callsItself(801L)).isEqualTo(801L);

        SharedFake.awaitTracked(801);
        assertThat(handler.stats().tracked()).isEqualTo(trackedBefore + 1);
        assertThat(SharedFake.metadataFor(801)).isEqualTo(with(DEFAULTS, "source", "long-return"));
    }

    @Test
    void onTheTypeEveryPublicMethodIsTracked() {
        assertThat(typeLevel.ask("billing", 701L)).isEqualTo(new Answer(701L, "billing"));
        assertThat(typeLevel.internal(702L)).isEqualTo(702L);
        service.idReturned(703L);

        SharedFake.awaitTracked(701, 703);
        assertThat(SharedFake.metadataFor(701)).isEqualTo(with(DEFAULTS, "layer", "type", "topic", "billing"));
        assertThat(SharedFake.receivedIds()).doesNotContain(702L);
    }

    @Test
    void anAnnotatedInterfaceOrInterfaceMethodTracksTheBeanImplementingIt() {
        assertThat(greeter.greet("ada", 711L)).isEqualTo(new Answer(711L, "hello ada"));
        assertThat(catalog.lookup("sku-1", 712L)).isEqualTo(712L);

        SharedFake.awaitTracked(711, 712);
        assertThat(SharedFake.metadataFor(711)).isEqualTo(with(DEFAULTS, "via", "interface-method", "name", "ada"));
        assertThat(SharedFake.metadataFor(712)).isEqualTo(with(DEFAULTS, "via", "interface-type", "sku", "sku-1"));
    }

    @Test
    void withoutMicrometerOrHealthTheirBeansAreAbsent() {
        var beanClasses = Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .map(bean -> bean.getBeanClass().getName())
                .toList();
        assertThat(beanClasses)
                .contains("dev.pltrack.tracking.TrackMetadataHandler")
                .doesNotContain("dev.pltrack.quarkus.runtime.PltrackMetricsProducer",
                        "dev.pltrack.quarkus.runtime.PltrackReadinessCheck",
                        "dev.pltrack.quarkus.runtime.PltrackWellnessCheck");
        assertThat(Optional.ofNullable(Thread.currentThread().getContextClassLoader()
                .getResource("io/micrometer/core/instrument/binder/MeterBinder.class"))).isEmpty();
    }

    /** The core's warnings for the two methods whose signature offers no request id. */
    private static void warningsWereLoggedAtBuildTime(List<LogRecord> records) {
        assertThat(records)
                .filteredOn(record -> record.getLoggerName().equals(PltrackProcessor.class.getName()))
                .extracting(LogRecord::getMessage)
                .anySatisfy(message -> assertThat(message).startsWith("@TrackMetadata on "
                        + TrackedService.class.getName() + ".noRequestId(String): no request id source"))
                .anySatisfy(message -> assertThat(message).startsWith("@TrackMetadata on "
                        + TrackedService.class.getName() + ".idFromContext(String): no request id source"));
    }

    private static Map<String, String> with(Map<String, String> base, String... keysAndValues) {
        Map<String, String> merged = new LinkedHashMap<>(base);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            merged.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return merged;
    }
}
