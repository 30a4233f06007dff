package dev.pltrack.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pltrack.client.HttpLogging;
import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerConfig;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.delivery.DeliveryConfig;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.delivery.OverflowPolicy;
import dev.pltrack.llm.LlmCallLogger;
import dev.pltrack.llm.LlmLoggingConfig;
import dev.pltrack.quarkus.runtime.PromptLayerRuntimeConfig;
import dev.pltrack.tracking.TrackMetadataHandler;
import dev.pltrack.tracking.TrackingException;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every {@code promptlayer.*} property reaches the core, and the API key shows up nowhere: not in
 * any bean's or configuration's text, not in the log, even with the full wire log on.
 */
class ConfigOverridesAndSecrecyTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(TrackedService.class, Answer.class, SharedFake.class,
                    SharedFake.Bridge.class))
            .overrideRuntimeConfigKey("promptlayer.api-key", SharedFake.API_KEY)
            .overrideRuntimeConfigKey("promptlayer.base-url", SharedFake.BASE_URL_EXPRESSION)
            .overrideRuntimeConfigKey("promptlayer.strict", "true")
            .overrideRuntimeConfigKey("promptlayer.connect-timeout", "3s")
            .overrideRuntimeConfigKey("promptlayer.read-timeout", "7s")
            .overrideRuntimeConfigKey("promptlayer.allow-insecure-http", "true")
            .overrideRuntimeConfigKey("promptlayer.http-logging", "FULL")
            .overrideRuntimeConfigKey("promptlayer.retry.max-attempts", "2")
            .overrideRuntimeConfigKey("promptlayer.retry.initial-backoff", "100ms")
            .overrideRuntimeConfigKey("promptlayer.retry.max-backoff", "1s")
            .overrideRuntimeConfigKey("promptlayer.delivery.queue-capacity", "500")
            .overrideRuntimeConfigKey("promptlayer.delivery.max-in-flight", "3")
            .overrideRuntimeConfigKey("promptlayer.delivery.overflow-policy", "BLOCK")
            .overrideRuntimeConfigKey("promptlayer.delivery.block-timeout", "250ms")
            .overrideRuntimeConfigKey("promptlayer.delivery.shutdown-timeout", "4s")
            .overrideRuntimeConfigKey("promptlayer.delivery.linger", "0")
            .overrideRuntimeConfigKey("promptlayer.delivery.max-age", "30m")
            .overrideRuntimeConfigKey("promptlayer.metadata.team", "search")
            .overrideRuntimeConfigKey("promptlayer.logging.include-prompt", "false")
            .overrideRuntimeConfigKey("promptlayer.logging.tags", "support,eu")
            .overrideRuntimeConfigKey("promptlayer.logging.max-content-length", "500")
            .overrideRuntimeConfigKey("quarkus.log.category.\"dev.pltrack.client.http\".level", "DEBUG")
            .setLogRecordPredicate(record -> true)
            .assertLogRecords(ConfigOverridesAndSecrecyTest::wireLoggedWithoutTheKey)
            .setBeforeAllCustomizer(SharedFake::start)
            .setAfterAllCustomizer(SharedFake::stop);

    @Inject
    PromptLayerRuntimeConfig config;

    @Inject
    PromptLayerClient client;

    @Inject
    DeliveryEngine engine;

    @Inject
    TrackMetadataHandler handler;

    @Inject
    TrackedService service;

    @Inject
    LlmCallLogger llmCallLogger;

    @Test
    void everyPropertyReachesTheCore() {
        PromptLayerConfig clientConfig = client.config();
        assertThat(clientConfig.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(clientConfig.readTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(clientConfig.allowInsecureHttp()).isTrue();
        assertThat(clientConfig.httpLogging()).isEqualTo(HttpLogging.FULL);
        assertThat(clientConfig.retryPolicy())
                .isEqualTo(new RetryPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(1)));

        DeliveryConfig delivery = engine.config();
        assertThat(delivery.queueCapacity()).isEqualTo(500);
        assertThat(delivery.maxInFlight()).isEqualTo(3);
        assertThat(delivery.overflowPolicy()).isEqualTo(OverflowPolicy.BLOCK);
        assertThat(delivery.blockTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(delivery.shutdownTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(delivery.linger()).isEqualTo(Duration.ZERO);
        assertThat(delivery.maxAge()).isEqualTo(Duration.ofMinutes(30));

        assertThat(handler.config().strict()).isTrue();
        assertThat(handler.config().defaultMetadata()).isEqualTo(Map.of("team", "search"));

        LlmLoggingConfig logging = llmCallLogger.config();
        assertThat(logging.enabled()).isTrue();
        assertThat(logging.includePrompt()).isFalse();
        assertThat(logging.includeCompletion()).isTrue();
        assertThat(logging.tags()).containsExactly("support", "eu");
        assertThat(logging.maxContentLength()).isEqualTo(500);
    }

    @Test
    void theKeyIsInNoTextAnApplicationCanPrint() {
        assertThat(config.apiKey()).contains(SharedFake.API_KEY);   // configured, so there is something to hide
        assertThat(List.of(client.toString(), client.config().toString(), engine.toString(),
                handler.config().toString(), String.valueOf(handler.stats())))
                .allSatisfy(text -> assertThat(text).doesNotContain(SharedFake.API_KEY));
    }

    @Test
    void aTrackGoesOutWithTheKeyButTheWireLogHidesIt() {
        service.idReturned(801L);
        SharedFake.awaitAccepted(1);
        assertThat(SharedFake.metadataFor(801)).isEqualTo(Map.of("team", "search", "source", "long-return"));
    }

    @Test
    void aRefusedTrackIsLoggedWithoutTheKeyEvenWhenTheServerEchoesIt() throws InterruptedException {
        long failedBefore = engine.stats().failed();
        // A FastAPI-style 422 that quotes the key back, as a validation error may.
        SharedFake.failNext(422, "{\"detail\":[{\"loc\":[\"body\",\"api_key\"],\"msg\":\"unknown key "
                + SharedFake.API_KEY + "\",\"type\":\"value_error\"}]}");
        service.idReturned(802L);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (engine.stats().failed() == failedBefore) {
            assertThat(System.nanoTime()).as("the refused track to fail").isLessThan(deadline);
            Thread.sleep(10);
        }
        // The log records are checked once the tests are done (wireLoggedWithoutTheKey).
    }

    @Test
    void strictModeTellsTheCallerWhatCouldNotBeTracked() {
        assertThatThrownBy(() -> service.noRequestId("x"))
                .isInstanceOf(TrackingException.class)
                .hasMessageContaining(TrackedService.class.getName() + ".noRequestId(String)")
                .hasMessageContaining("no request id found");
    }

    /**
     * Runs when the tests are done: the records of start-up and of every call are in (the wire log of
     * the refused track's answer is written before the engine counts it as failed).
     */
    private static void wireLoggedWithoutTheKey(List<LogRecord> records) {
        Formatter formatter = new SimpleFormatter();
        assertThat(records).as("the wire log of the track (the key must be hidden, not the exchange)")
                .anySatisfy(record -> assertThat(record.getLoggerName()).startsWith("dev.pltrack.client.http"));
        assertThat(records).as("the server's answer in the wire log")
                .anySatisfy(record -> assertThat(formatter.formatMessage(record)).contains("unknown key"));
        assertThat(records).allSatisfy(record -> {
            assertThat(formatter.formatMessage(record)).doesNotContain(SharedFake.API_KEY);
            if (record.getThrown() != null) {
                assertThat(String.valueOf(record.getThrown())).doesNotContain(SharedFake.API_KEY);
            }
        });
    }
}
