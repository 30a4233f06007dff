package dev.pltrack.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The retired promptlayer.delivery.workers fails start-up, naming max-in-flight, which replaced it. */
class RetiredWorkersSettingTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(TrackedService.class, Answer.class))
            .overrideRuntimeConfigKey("promptlayer.api-key", SharedFake.API_KEY)
            .overrideRuntimeConfigKey("promptlayer.delivery.workers", "2")
            .assertException(failure -> {
                Throwable cause = failure;
                while (cause.getCause() != null && !cause.getClass().getName().endsWith("ConfigurationException")) {
                    cause = cause.getCause();
                }
                assertThat(cause.getMessage())
                        .startsWith("promptlayer.delivery.workers is retired (was 2)").contains("promptlayer.delivery.max-in-flight");
            });

    @Test
    void startUpFails() {
        throw new AssertionError("the application started with promptlayer.delivery.workers=2");
    }
}
