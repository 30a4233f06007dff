package dev.pltrack.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pltrack.TrackingContext;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.spring.services.AsyncService;
import dev.pltrack.spring.services.CachedService;
import dev.pltrack.spring.services.ChatAnswer;
import dev.pltrack.spring.services.InterfaceService;
import dev.pltrack.spring.services.InterfaceServiceImpl;
import dev.pltrack.spring.services.ReactiveService;
import dev.pltrack.spring.services.RequestIdService;
import dev.pltrack.spring.services.SubService;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import dev.pltrack.tracking.TrackMetadataHandler;
import dev.pltrack.tracking.TrackingException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code @TrackMetadata} on Spring beans, against the fake PromptLayer: the exact metadata received
 * for each way of finding the request id and each metadata source, and the call's own outcome
 * untouched.
 */
@SuppressWarnings("try") // scopes are opened for their effect on the thread
class TrackMetadataInterceptionTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PromptLayerAutoConfiguration.class))
            .withPropertyValues(
                    "promptlayer.api-key=" + promptLayer.apiKey(),
                    "promptlayer.base-url=" + promptLayer.baseUrl(),
                    "promptlayer.delivery.linger=0ms",
                    "promptlayer.metadata.environment=test")
            .withBean(RequestIdService.class);

    private void withService(Consumer<RequestIdService> calls) {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            RequestIdService service = context.getBean(RequestIdService.class);
            assertThat(AopUtils.isCglibProxy(service)).as("class-based proxy").isTrue();
            calls.accept(service);
        });
    }

    private static FakePromptLayer fake() {
        return promptLayer.server();
    }

    private static Map<String, String> receivedFor(long requestId) {
        fake().awaitAccepted(1, WAIT);
        return fake().metadataFor(requestId);
    }

    @Test
    void requestIdFromALongParameter() {
        withService(service -> service.rateLong(101, 5));
        assertThat(receivedFor(101)).isEqualTo(Map.of("environment", "test", "source", "long-param", "rating", "5"));
    }

    @Test
    void requestIdFromAnIntParameter() {
        withService(service -> service.rateInt(102));
        assertThat(receivedFor(102)).isEqualTo(Map.of("environment", "test", "source", "int-param"));
    }

    @Test
    void requestIdFromABoxedLongParameter() {
        withService(service -> service.rateBoxedLong(103L));
        assertThat(receivedFor(103)).isEqualTo(Map.of("environment", "test", "source", "boxed-long-param"));
    }

    @Test
    void requestIdFromABoxedIntParameter() {
        withService(service -> service.rateBoxedInt(104));
        assertThat(receivedFor(104)).isEqualTo(Map.of("environment", "test", "source", "boxed-int-param"));
    }

    @Test
    void requestIdFromANumericStringParameter() {
        withService(service -> service.rateText("105"));
        assertThat(receivedFor(105)).isEqualTo(Map.of("environment", "test", "source", "string-param"));
    }

    @Test
    void requestIdFromAReturnedLong() {
        withService(service -> assertThat(service.returnsLong(201)).isEqualTo(201));
        assertThat(receivedFor(201)).isEqualTo(Map.of("environment", "test", "source", "long-return"));
    }

    @Test
    void requestIdFromAReturnedHasPromptLayerRequestIdWhichTheCallerGetsUnchanged() {
        withService(service -> {
            ChatAnswer answer = service.returnsAnswer(202, "u-7");
            assertThat(answer).isEqualTo(new ChatAnswer(202, "hello u-7"));
        });
        assertThat(receivedFor(202))
                .isEqualTo(Map.of("environment", "test", "source", "answer-return", "user_id", "u-7"));
    }

    @Test
    void theCallerGetsTheVeryObjectTheMethodReturned() {
        ChatAnswer given = new ChatAnswer(206, "given");
        withService(service -> assertThat(service.echo(given)).isSameAs(given));
        assertThat(receivedFor(206)).isEqualTo(Map.of("environment", "test", "source", "echo"));
    }

    @Test
    void requestIdFromAReturnedOptional() {
        withService(service -> assertThat(service.returnsOptional(203)).contains(new ChatAnswer(203, "maybe")));
        assertThat(receivedFor(203)).isEqualTo(Map.of("environment", "test", "source", "optional-return"));
    }

    @Test
    void aCompletionStageIsTrackedWhenItCompletesAndReturnedAsItIs() throws Exception {
        CompletableFuture<ChatAnswer> later = new CompletableFuture<>();
        runner.run(context -> {
            RequestIdService service = context.getBean(RequestIdService.class);
            CompletionStage<ChatAnswer> returned = service.returnsStage(later);
            assertThat(returned).isSameAs(later);
            TimeUnit.MILLISECONDS.sleep(200);
            assertThat(fake().received()).as("nothing before completion").isEmpty();
            later.complete(new ChatAnswer(204, "done"));
            assertThat(receivedFor(204)).isEqualTo(Map.of("environment", "test", "source", "stage-return"));
        });
    }

    @Test
    void aCompletableFutureThatFailsIsTrackedWithTheError() {
        runner.run(context -> {
            RequestIdService service = context.getBean(RequestIdService.class);
            CompletableFuture<ChatAnswer> later = new CompletableFuture<>();
            try (TrackingContext.Scope scope = TrackingContext.empty().withRequestId(205).open()) {
                assertThat(service.returnsFuture(later)).isSameAs(later);
            }
            later.completeExceptionally(new IllegalStateException("model overloaded"));
            assertThat(receivedFor(205)).isEqualTo(Map.of("environment", "test", "source", "future-return",
                    "error_type", "java.lang.IllegalStateException", "error_message", "model overloaded"));
        });
    }

    @Test
    void requestIdAndMetadataFromTheTrackingContext() {
        withService(service -> {
            try (TrackingContext.Scope scope = TrackingContext.empty().withRequestId(301).with("tenant", "acme").open()) {
                service.fromContext();
            }
        });
        assertThat(receivedFor(301)).isEqualTo(Map.of("environment", "test", "tenant", "acme", "source", "context"));
    }

    @Test
    void aParameterIdWinsOverTheContextId() {
        withService(service -> {
            try (TrackingContext.Scope scope = TrackingContext.empty().withRequestId(999).open()) {
                service.rateLong(302, 4);
            }
        });
        fake().awaitAccepted(1, WAIT);
        assertThat(fake().trackedRequestIds()).containsExactly(302L);
    }

    @Test
    void laterSourcesWinDefaultsThenContextThenStaticEntriesThenParameters() {
        runner.withPropertyValues("promptlayer.metadata.shared=default", "promptlayer.metadata.default_only=yes")
                .run(context -> {
                    RequestIdService service = context.getBean(RequestIdService.class);
                    try (TrackingContext.Scope scope = TrackingContext.empty()
                            .with("shared", "context").with("context_only", "yes").open()) {
                        service.merged(401, "param");
                        service.merged(402, null);
                    }
                    fake().awaitAccepted(2, WAIT);
                });
        assertThat(fake().metadataFor(401)).isEqualTo(Map.of("environment", "test", "default_only", "yes",
                "context_only", "yes", "static_only", "yes", "shared", "param"));
        assertThat(fake().metadataFor(402)).as("a null parameter leaves the key to the earlier sources")
                .containsEntry("shared", "static");
    }

    @Test
    void aThrowingMethodIsTrackedWithTheErrorAndTheSameExceptionReachesTheCaller() {
        IllegalArgumentException boom = new IllegalArgumentException("bad prompt");
        withService(service -> assertThatThrownBy(() -> service.fails(501, boom)).isSameAs(boom));
        assertThat(receivedFor(501)).isEqualTo(Map.of("environment", "test", "feature", "fails",
                "error_type", "java.lang.IllegalArgumentException", "error_message", "bad prompt"));
    }

    @Test
    void trackExceptionsFalseSendsNothingOnAThrow() {
        IllegalStateException boom = new IllegalStateException("quiet");
        runner.run(context -> {
            RequestIdService service = context.getBean(RequestIdService.class);
            assertThatThrownBy(() -> service.failsUntracked(502, boom)).isSameAs(boom);
            context.getBean(DeliveryEngine.class).flush(WAIT);
        });
        assertThat(fake().received()).isEmpty();
    }

    @Test
    void noRequestIdAnywhereMeansNoCallAndACount() {
        runner.run(context -> {
            RequestIdService service = context.getBean(RequestIdService.class);
            service.noRequestId("first");
            service.noRequestId("second");
            assertThat(service.untracked(601)).isEqualTo(new ChatAnswer(601, "untracked"));
            assertThat(context.getBean(DeliveryEngine.class).flush(WAIT)).isTrue();
            assertThat(context.getBean(TrackMetadataHandler.class).stats().noRequestId()).isEqualTo(2);
            assertThat(context.getBean(TrackMetadataHandler.class).stats().tracked()).isZero();
        });
        assertThat(fake().received()).isEmpty();
    }

    @Test
    void strictModeTellsTheCallerThroughTheProxy() {
        runner.withPropertyValues("promptlayer.strict=true").run(context -> {
            RequestIdService service = context.getBean(RequestIdService.class);
            assertThatThrownBy(() -> service.noRequestId("lost")).isInstanceOf(TrackingException.class)
                    .hasMessageContaining("no request id found");
        });
    }

    @Test
    void interfaceAnnotationsOnAJdkProxiedBean() {
        runner.withPropertyValues("spring.aop.proxy-target-class=false")
                .withBean(InterfaceService.class, InterfaceServiceImpl::new)
                .run(context -> {
                    InterfaceService service = context.getBean(InterfaceService.class);
                    assertThat(AopUtils.isJdkDynamicProxy(service)).as("interface-based proxy").isTrue();
                    assertThat(service.answer(701, "ada")).isEqualTo(new ChatAnswer(701, "hi ada"));
                });
        assertThat(receivedFor(701)).isEqualTo(Map.of("environment", "test", "feature", "interface", "user_id", "ada"));
    }

    @Test
    void interfaceAnnotationsOnAClassBasedProxy() {
        runner.withBean(InterfaceService.class, InterfaceServiceImpl::new).run(context -> {
            InterfaceService service = context.getBean(InterfaceService.class);
            assertThat(AopUtils.isCglibProxy(service)).isTrue();
            service.answer(702, "grace");
        });
        assertThat(receivedFor(702))
                .isEqualTo(Map.of("environment", "test", "feature", "interface", "user_id", "grace"));
    }

    @Test
    void anAnnotationOnAnOverriddenSuperclassMethodApplies() {
        runner.withBean(SubService.class).run(context -> assertThat(context.getBean(SubService.class).answer(703)).isEqualTo(703));
        assertThat(receivedFor(703)).isEqualTo(Map.of("environment", "test", "source", "superclass"));
    }

    @Test
    void asyncFutureIsTrackedOnCompletionWithTheCallersContext() {
        runner.withUserConfiguration(AsyncConfiguration.class).run(context -> {
            AsyncService service = context.getBean(AsyncService.class);
            try (TrackingContext.Scope scope = TrackingContext.empty().with("tenant", "acme").open()) {
                assertThat(service.answerLater(801, "u-1").get(10, TimeUnit.SECONDS))
                        .isEqualTo(new ChatAnswer(801, "later"));
            }
            assertThat(service.lastThread()).startsWith("async-test-");
        });
        assertThat(receivedFor(801)).isEqualTo(
                Map.of("environment", "test", "tenant", "acme", "feature", "async-future", "user_id", "u-1"));
    }

    /** The advice runs outside Spring's async interceptor, in the caller's thread and context. */
    @Test
    void asyncVoidMethodTakesItsRequestIdFromTheCallersContext() {
        runner.withUserConfiguration(AsyncConfiguration.class).run(context -> {
            AsyncService service = context.getBean(AsyncService.class);
            try (TrackingContext.Scope scope = TrackingContext.empty().withRequestId(802).with("tenant", "acme").open()) {
                service.recordLater("queued");
            }
            receivedFor(802);
            Awaitility.await().atMost(WAIT).until(() -> service.contextSeen() != null);
            assertThat(service.lastThread()).startsWith("async-test-");
            assertThat(service.contextSeen().isEmpty()).as("the async thread has no context of its own").isTrue();
        });
        assertThat(fake().metadataFor(802)).isEqualTo(
                Map.of("environment", "test", "tenant", "acme", "feature", "async-void", "note", "queued"));
    }

    @Test
    void aMonoIsTrackedWhenItEmits() {
        runner.withBean(ReactiveService.class).run(context -> {
            ReactiveService service = context.getBean(ReactiveService.class);
            Mono<ChatAnswer> mono = service.mono(Mono.fromSupplier(() -> new ChatAnswer(901, "reactive")));
            TimeUnit.MILLISECONDS.sleep(200);
            assertThat(fake().received()).as("nothing before subscription").isEmpty();
            assertThat(mono.block(WAIT)).isEqualTo(new ChatAnswer(901, "reactive"));
            assertThat(receivedFor(901)).isEqualTo(Map.of("environment", "test", "feature", "mono"));
        });
    }

    @Test
    void aFluxIsTrackedWithItsLastElementWhenItCompletes() {
        runner.withBean(ReactiveService.class).run(context -> {
            ReactiveService service = context.getBean(ReactiveService.class);
            Flux<ChatAnswer> chunks = service.flux(Flux.just(new ChatAnswer(902, "first"), new ChatAnswer(903, "last")));
            assertThat(chunks.collectList().block(WAIT)).extracting(ChatAnswer::text).containsExactly("first", "last");
            assertThat(receivedFor(903)).isEqualTo(Map.of("environment", "test", "feature", "flux"));
            assertThat(fake().trackedRequestIds()).containsExactly(903L);
        });
    }

    @Test
    void tracksMadeJustBeforeTheContextClosesAreDelivered() {
        fake().respondSlowly(Duration.ofMillis(50)); // 20 tracks on one sender: about a second of work
        runner.withPropertyValues("promptlayer.delivery.linger=50ms", "promptlayer.delivery.max-in-flight=1").run(context -> {
            RequestIdService service = context.getBean(RequestIdService.class);
            for (int id = 1001; id <= 1020; id++) {
                service.rateLong(id, 3);
            }
            assertThat(fake().acceptedCount()).as("still pending when the context closes").isLessThan(20);
        });
        // The runner closed the context, which closed the engine, which flushed: no waiting here.
        assertThat(fake().acceptedCount()).isEqualTo(20);
        assertThat(fake().metadataFor(1020)).isEqualTo(Map.of("environment", "test", "source", "long-param", "rating", "3"));
    }

    /** Spring's auto-proxy creator proxies the bean first; pltrack's advice joins that proxy, once, outermost. */
    @Test
    void alongsideAnAutoProxyCreatorTheAdviceIsAppliedOnceAndOutermost() {
        runner.withUserConfiguration(CachingConfiguration.class).run(context -> {
            CachedService service = context.getBean(CachedService.class);
            ChatAnswer first = service.answer(1101);
            assertThat(service.answer(1101)).as("served from the cache").isSameAs(first);
            assertThat(service.invocations()).isEqualTo(1);
            assertThat(context.getBean(TrackMetadataHandler.class).stats().tracked())
                    .as("one track per call, cached or not; none twice").isEqualTo(2);
        });
        // The engine may coalesce the two tracks of one request id into one HTTP call.
        assertThat(fake().metadataFor(1101)).isEqualTo(Map.of("environment", "test", "feature", "cached"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableCaching
    static class CachingConfiguration {

        @Bean
        CachedService cachedService() {
            return new CachedService();
        }

        @Bean
        CacheManager cacheManager() {
            return new ConcurrentMapCacheManager("answers");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAsync
    static class AsyncConfiguration {

        @Bean
        AsyncService asyncService() {
            return new AsyncService();
        }

        @Bean
        Executor taskExecutor() {
            ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
            executor.setThreadNamePrefix("async-test-");
            executor.initialize();
            return executor;
        }
    }

}
