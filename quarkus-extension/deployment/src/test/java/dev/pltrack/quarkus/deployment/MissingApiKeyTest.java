package dev.pltrack.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.client.MissingApiKeyException;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Enabled without a key: the application does not start, and the error says what to set. */
class MissingApiKeyTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(TrackedService.class, Answer.class))
            .assertException(failure -> {
                Throwable cause = failure;
                // Thrown by the application's class loader: compared by name.
                while (cause != null && !cause.getClass().getName().equals(MissingApiKeyException.class.getName())) {
                    cause = cause.getCause();
                }
                assertThat(cause).as("a MissingApiKeyException in %s", failure).isNotNull();
                assertThat(cause.getMessage()).contains("promptlayer.api-key", "PROMPTLAYER_API_KEY",
                        "promptlayer.enabled=false");
            });

    @Test
    void startUpFails() {
        // assertException above checks the failure; reaching here would mean start-up succeeded
        throw new AssertionError("the application started without an API key");
    }
}
