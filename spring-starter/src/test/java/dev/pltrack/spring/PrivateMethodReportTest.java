package dev.pltrack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.spring.services.PrivateMethodService;
import dev.pltrack.testkit.FakePromptLayerExtension;
import dev.pltrack.tracking.TrackMetadataHandler;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A private {@code @TrackMetadata} method, which no Spring proxy can reach, is reported once at
 * start-up as the core reports misuse: one ERROR line naming the method and the rule, and one
 * {@code misused} count; its calls stay untracked and add nothing more.
 */
@ExtendWith(OutputCaptureExtension.class)
class PrivateMethodReportTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PromptLayerAutoConfiguration.class))
            .withPropertyValues("promptlayer.api-key=" + promptLayer.apiKey(),
                    "promptlayer.base-url=" + promptLayer.baseUrl())
            .withBean(PrivateMethodService.class);

    @Test
    void aPrivateAnnotatedMethodIsReportedOnceAtStartUp(CapturedOutput output) {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            TrackMetadataHandler handler = context.getBean(TrackMetadataHandler.class);
            assertThat(handler.stats().misused()).isEqualTo(1);

            PrivateMethodService service = context.getBean(PrivateMethodService.class);
            assertThat(service.rate(3001L)).isEqualTo("rated 3001");
            assertThat(service.rate(3002L)).isEqualTo("rated 3002");
            context.getBean(DeliveryEngine.class).flush(Duration.ofSeconds(5));

            assertThat(handler.stats().misused()).isEqualTo(1);
            assertThat(promptLayer.server().received()).isEmpty();
        });
        String reported = "PrivateMethodService.rateInternally";
        assertThat(output.getOut().lines().filter(line -> line.contains(reported)))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("ERROR", "a private method cannot be intercepted"));
    }
}
