package dev.pltrack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.client.ApiKey;
import dev.pltrack.client.HttpLogging;
import dev.pltrack.client.MissingApiKeyException;
import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.PromptLayerConfigurationException;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.llm.LlmCallLogger;
import dev.pltrack.llm.LlmLoggingConfig;
import dev.pltrack.delivery.OverflowPolicy;
import dev.pltrack.spring.aop.TrackMetadataBeanPostProcessor;
import dev.pltrack.spring.diagnostics.PromptLayerConfigurationFailureAnalyzer;
import dev.pltrack.spring.services.InterfaceService;
import dev.pltrack.spring.services.InterfaceServiceImpl;
import dev.pltrack.spring.services.RequestIdService;
import dev.pltrack.tracking.TrackMetadataHandler;
import dev.pltrack.tracking.TrackingConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The beans the starter makes, from which properties, and when it makes none. */
class PromptLayerAutoConfigurationTest {

    private static final String KEY = "pl_test_key_5f3c9a";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PromptLayerAutoConfiguration.class));

    @Test
    void defaultsAreTheCoresOnceAKeyIsGiven() {
        runner.withPropertyValues("promptlayer.api-key=" + KEY).run(context -> {
            assertThat(context).hasSingleBean(PromptLayerClient.class).hasSingleBean(DeliveryEngine.class)
                    .hasSingleBean(TrackMetadataHandler.class).hasSingleBean(TrackMetadataBeanPostProcessor.class);
            PromptLayerConfig config = context.getBean(PromptLayerConfig.class);
            PromptLayerConfig expected = PromptLayerConfig.builder().apiKey(KEY).build();
            assertThat(config.apiKey()).isEqualTo(ApiKey.of(KEY));
            assertThat(config.baseUrl()).isEqualTo(expected.baseUrl());
            assertThat(config.connectTimeout()).isEqualTo(expected.connectTimeout());
            assertThat(config.readTimeout()).isEqualTo(expected.readTimeout());
            assertThat(config.retryPolicy()).isEqualTo(RetryPolicy.defaults());
            assertThat(config.allowInsecureHttp()).isFalse();
            assertThat(config.httpLogging()).isEqualTo(HttpLogging.NONE);
            assertThat(context.getBean(DeliveryConfig.class)).hasToString(DeliveryConfig.defaults().toString());
            assertThat(context.getBean(TrackingConfig.class)).hasToString(TrackingConfig.defaults().toString());
            assertThat(context.getBean(LlmCallLogger.class).config()).hasToString(LlmLoggingConfig.defaults().toString());
            assertThat(context.getBean(PromptLayerClient.class).config()).isSameAs(config);
            assertThat(context.getBean(DeliveryEngine.class).config()).isSameAs(context.getBean(DeliveryConfig.class));
        });
    }

    @Test
    void everyPropertyIsMapped() {
        runner.withPropertyValues(
                "promptlayer.api-key=" + KEY,
                "promptlayer.base-url=https://promptlayer.example.com/",
                "promptlayer.connect-timeout=3s",
                "promptlayer.read-timeout=7s",
                "promptlayer.allow-insecure-http=true",
                "promptlayer.http-logging=basic",
                "promptlayer.strict=true",
                "promptlayer.metadata.environment=prod",
                "promptlayer.metadata.region=eu",
                "promptlayer.retry.max-attempts=2",
                "promptlayer.retry.initial-backoff=100ms",
                "promptlayer.retry.max-backoff=1s",
                "promptlayer.delivery.queue-capacity=50",
                "promptlayer.delivery.max-in-flight=3",
                "promptlayer.delivery.overflow-policy=block",
                "promptlayer.delivery.block-timeout=250ms",
                "promptlayer.delivery.shutdown-timeout=4s",
                "promptlayer.delivery.linger=0",
                "promptlayer.delivery.max-age=30m",
                "promptlayer.logging.include-prompt=false",
                "promptlayer.logging.tags=support,eu",
                "promptlayer.logging.max-content-length=500").run(context -> {
                    PromptLayerConfig config = context.getBean(PromptLayerConfig.class);
                    assertThat(config.baseUrl()).isEqualTo(URI.create("https://promptlayer.example.com"));
                    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(config.allowInsecureHttp()).isTrue();
                    assertThat(config.httpLogging()).isEqualTo(HttpLogging.BASIC);
                    assertThat(config.retryPolicy())
                            .isEqualTo(new RetryPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(1)));
                    DeliveryConfig delivery = context.getBean(DeliveryConfig.class);
                    assertThat(delivery.queueCapacity()).isEqualTo(50);
                    assertThat(delivery.maxInFlight()).isEqualTo(3);
                    assertThat(delivery.overflowPolicy()).isEqualTo(OverflowPolicy.BLOCK);
                    assertThat(delivery.blockTimeout()).isEqualTo(Duration.ofMillis(250));
                    assertThat(delivery.shutdownTimeout()).isEqualTo(Duration.ofSeconds(4));
                    assertThat(delivery.linger()).isZero();
                    assertThat(delivery.maxAge()).isEqualTo(Duration.ofMinutes(30));
                    TrackingConfig tracking = context.getBean(TrackingConfig.class);
                    assertThat(tracking.enabled()).isTrue();
                    assertThat(tracking.strict()).isTrue();
                    assertThat(tracking.defaultMetadata()).isEqualTo(Map.of("environment", "prod", "region", "eu"));
                    LlmLoggingConfig logging = context.getBean(LlmCallLogger.class).config();
                    assertThat(logging.includePrompt()).isFalse();
                    assertThat(logging.includeCompletion()).isTrue();
                    assertThat(logging.tags()).containsExactly("support", "eu");
                    assertThat(logging.maxContentLength()).isEqualTo(500);
                });
    }

    @Test
    void theEnvironmentVariablesOfPromptLayersSdksBindThroughRelaxedBinding() {
        Map<String, Object> variables = Map.of(
                "PROMPTLAYER_API_KEY", KEY,
                "PROMPTLAYER_BASE_URL", "https://env.promptlayer.example",
                "PROMPTLAYER_DELIVERY_QUEUECAPACITY", "77");
        runner.withInitializer(context -> context.getEnvironment().getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", variables)))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    PromptLayerConfig config = context.getBean(PromptLayerConfig.class);
                    assertThat(config.apiKey()).isEqualTo(ApiKey.of(KEY));
                    assertThat(config.baseUrl()).isEqualTo(URI.create("https://env.promptlayer.example"));
                    assertThat(context.getBean(DeliveryConfig.class).queueCapacity()).isEqualTo(77);
                });
    }

    @Test
    void anEmptyBaseUrlVariableMeansTheDefault() {
        runner.withPropertyValues("promptlayer.api-key=" + KEY, "promptlayer.base-url=")
                .run(context -> assertThat(context.getBean(PromptLayerConfig.class).baseUrl())
                        .isEqualTo(URI.create(PromptLayerConfig.DEFAULT_BASE_URL)));
    }

    @Test
    void systemPropertiesBindToo() {
        runner.withSystemProperties("promptlayer.api-key=" + KEY, "promptlayer.read-timeout=4s")
                .run(context -> assertThat(context.getBean(PromptLayerConfig.class).readTimeout())
                        .isEqualTo(Duration.ofSeconds(4)));
    }

    @Test
    void disabledMeansNoBeansNoKeyAndNoProxies() {
        runner.withPropertyValues("promptlayer.enabled=false").withBean(RequestIdService.class).run(context -> {
            assertThat(context).hasNotFailed()
                    .doesNotHaveBean(PromptLayerProperties.class)
                    .doesNotHaveBean(PromptLayerConfig.class)
                    .doesNotHaveBean(PromptLayerClient.class)
                    .doesNotHaveBean(DeliveryEngine.class)
                    .doesNotHaveBean(TrackMetadataHandler.class)
                    .doesNotHaveBean(LlmCallLogger.class)
                    .doesNotHaveBean(TrackMetadataBeanPostProcessor.class);
            RequestIdService service = context.getBean(RequestIdService.class);
            assertThat(AopUtils.isAopProxy(service)).isFalse();
            service.rateLong(1, 5);
        });
    }

    @Test
    void onlyBeansWithTrackMetadataAreProxied() {
        runner.withPropertyValues("promptlayer.api-key=" + KEY)
                .withBean(RequestIdService.class)
                .withBean(InterfaceService.class, InterfaceServiceImpl::new)
                .withBean("plain", StringBuilder.class, StringBuilder::new)
                .run(context -> {
                    assertThat(AopUtils.isAopProxy(context.getBean(RequestIdService.class))).isTrue();
                    assertThat(AopUtils.isAopProxy(context.getBean(InterfaceService.class)))
                            .as("annotated on its interface only").isTrue();
                    assertThat(AopUtils.isAopProxy(context.getBean("plain"))).isFalse();
                    assertThat(AopUtils.isAopProxy(context.getBean(TrackMetadataHandler.class))).isFalse();
                });
    }

    @Test
    void aMissingKeyFailsStartUpAndTheAnalysisSaysWhatToSet() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(MissingApiKeyException.class);
            FailureAnalysis analysis = new PromptLayerConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("no PromptLayer API key");
            assertThat(analysis.getAction()).contains("promptlayer.api-key", "PROMPTLAYER_API_KEY",
                    "promptlayer.enabled=false");
        });
    }

    @Test
    void aBlankKeyIsAMissingKey() {
        runner.withPropertyValues("promptlayer.api-key=  ").run(context ->
                assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(MissingApiKeyException.class));
    }

    @Test
    void anInvalidSettingFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("promptlayer.api-key=" + KEY, "promptlayer.base-url=http://promptlayer.example.com")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis =
                            new PromptLayerConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("promptlayer.base-url", "plain http");
                    assertThat(analysis.getAction()).contains("promptlayer.base-url");
                });
        runner.withPropertyValues("promptlayer.api-key=" + KEY, "promptlayer.retry.max-attempts=0").run(context -> {
            FailureAnalysis analysis = new PromptLayerConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("promptlayer.retry.max-attempts must be at least 1");
        });
        runner.withPropertyValues("promptlayer.api-key=" + KEY, "promptlayer.delivery.max-in-flight=0").run(context -> {
            assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(PromptLayerConfigurationException.class);
            FailureAnalysis analysis = new PromptLayerConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getAction()).contains("promptlayer.delivery.max-in-flight");
        });
        runner.withPropertyValues("promptlayer.api-key=" + KEY, "promptlayer.delivery.workers=4").run(context -> {
            FailureAnalysis analysis = new PromptLayerConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("promptlayer.delivery.workers is retired",
                    "promptlayer.delivery.max-in-flight");
        });
        runner.withPropertyValues("promptlayer.api-key=" + KEY, "promptlayer.logging.max-content-length=10").run(context -> {
            FailureAnalysis analysis = new PromptLayerConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription())
                    .contains("promptlayer.logging.max-content-length must be at least 64 characters (was 10)");
        });
    }

    @Test
    void theApplicationsOwnBeansWin() {
        PromptLayerConfig ownConfig = PromptLayerConfig.builder().apiKey("pl_own_key").baseUrl("https://own.example").build();
        PromptLayerClient ownClient = PromptLayerClient.create(ownConfig);
        runner.withBean(PromptLayerClient.class, () -> ownClient).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(PromptLayerConfig.class);
            assertThat(context.getBean(PromptLayerClient.class)).isSameAs(ownClient);
            assertThat(context.getBean(DeliveryEngine.class).client()).isSameAs(ownClient);
        });
        runner.withPropertyValues("promptlayer.api-key=" + KEY)
                .withBean(DeliveryConfig.class, () -> DeliveryConfig.builder().maxInFlight(1).build())
                .withBean(TrackingConfig.class, () -> TrackingConfig.builder().strict(true).build())
                .run(context -> {
                    assertThat(context.getBean(DeliveryEngine.class).config().maxInFlight()).isEqualTo(1);
                    assertThat(context.getBean(TrackMetadataHandler.class).config().strict()).isTrue();
                });
        runner.withPropertyValues("promptlayer.api-key=" + KEY).withBean(TrackMetadataHandler.class,
                () -> TrackMetadataHandler.builder(request -> true).build()).run(context ->
                        assertThat(context).hasSingleBean(TrackMetadataHandler.class));
    }

    @Test
    void theEngineIsClosedWithTheContext() {
        DeliveryEngine[] engine = new DeliveryEngine[1];
        runner.withPropertyValues("promptlayer.api-key=" + KEY).run(context -> {
            engine[0] = context.getBean(DeliveryEngine.class);
            assertThat(engine[0].isClosed()).isFalse();
        });
        assertThat(engine[0].isClosed()).isTrue();
    }
}
