package dev.pltrack.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A wrong value fails start-up with the core's message, which names the property and the rule. */
class InvalidSettingTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(TrackedService.class, Answer.class))
            .overrideRuntimeConfigKey("promptlayer.api-key", SharedFake.API_KEY)
            .overrideRuntimeConfigKey("promptlayer.delivery.max-in-flight", "0")
            .assertException(failure -> {
                Throwable cause = failure;
                while (cause.getCause() != null && !cause.getClass().getName().endsWith("ConfigurationException")) {
                    cause = cause.getCause();
                }
                assertThat(cause.getMessage())
                        .isEqualTo("promptlayer.delivery.max-in-flight must be between 1 and 1024 (was 0)");
            });

    @Test
    void startUpFails() {
        throw new AssertionError("the application started with promptlayer.delivery.max-in-flight=0");
    }
}
