package dev.pltrack.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ArC cannot intercept a private method; with Quarkus' defaults ArC itself fails the build on one,
 * naming the annotation and the method (pltrack's own check says so too when ArC's is turned off:
 * {@link MisusedAnnotationsFailTheBuildTest}).
 */
class PrivateMethodFailsTheBuildTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Hidden.class))
            .assertException(failure -> assertThat(failure.getMessage())
                    .contains("@TrackMetadata will have no effect on method " + Hidden.class.getName() + ".rate()")
                    .contains("private"));

    @Test
    void theBuildFails() {
        throw new AssertionError("the build accepted @TrackMetadata on a private method");
    }

    @ApplicationScoped
    public static class Hidden {

        @TrackMetadata
        private void rate(@PromptLayerRequestId long id) {
        }

        public void callRate() {
            rate(1L);
        }
    }
}
