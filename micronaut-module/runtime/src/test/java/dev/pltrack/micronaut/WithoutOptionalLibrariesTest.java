package dev.pltrack.micronaut;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.micronaut.beans.ChatService;
import dev.pltrack.testkit.FakePromptLayer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.BeanDefinition;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * An application without micronaut-micrometer, micronaut-management and LangChain4j: pltrack starts
 * and tracks, with neither meters, a health indicator nor a LangChain4j listener. Runs in its own
 * surefire execution whose class path leaves those libraries out (see this module's pom.xml).
 */
@EnabledIf("optionalLibrariesAbsent")
class WithoutOptionalLibrariesTest {

    static boolean optionalLibrariesAbsent() {
        return !present("io.micrometer.core.instrument.binder.MeterBinder")
                && !present("io.micronaut.management.health.indicator.HealthIndicator")
                && !present("dev.langchain4j.model.chat.listener.ChatModelListener");
    }

    @Test
    void startsAndTracksWithNeitherMetersNorHealth() {
        try (FakePromptLayer fake = FakePromptLayer.start();
                ApplicationContext context = ApplicationContext.run(Map.of(
                        "promptlayer.api-key", fake.apiKey(), "promptlayer.base-url", fake.baseUrl()))) {
            assertThat(context.getAllBeanDefinitions().stream()
                    .map(BeanDefinition::getBeanType).map(Class::getName).collect(Collectors.toSet()))
                    .contains("dev.pltrack.micronaut.TrackMetadataInterceptor")
                    .doesNotContain("dev.pltrack.metrics.PltrackMeterBinder",
                            "dev.pltrack.micronaut.health.PltrackHealthIndicator",
                            "dev.pltrack.langchain4j.PromptLayerChatModelListener");

            context.getBean(ChatService.class).rateLong(1601L, 2);

            fake.awaitAccepted(1, Duration.ofSeconds(10));
            assertThat(fake).hasTracked(1601, Map.of("rating", "2"));
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, WithoutOptionalLibrariesTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }
}
