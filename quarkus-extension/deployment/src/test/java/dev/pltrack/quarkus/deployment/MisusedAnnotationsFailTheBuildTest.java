package dev.pltrack.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.MetadataParam;
import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The core's errors fail the build, one message per broken rule naming the class and method; the
 * core's warnings do not. ArC's own check of private methods is off here, so that pltrack's
 * check shows all of them at once.
 */
class MisusedAnnotationsFailTheBuildTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Misused.class, OnlyWarned.class))
            // ArC would stop at the private method before pltrack's check (PrivateMethodFailsTheBuildTest).
            .overrideConfigKey("quarkus.arc.fail-on-intercepted-private-method", "false")
            .assertException(failure -> {
                String message = failure.getMessage();
                String misused = Misused.class.getName();
                assertThat(message)
                        .contains("@TrackMetadata on " + misused + ".hidden(long): a private method cannot be"
                                + " intercepted")
                        .contains("@TrackMetadata on " + misused + ".twoIds(long, long): parameters 0 and 1 are"
                                + " both annotated @PromptLayerRequestId")
                        .contains("@TrackMetadata on " + misused + ".badKey(long): entry \"=value\": the key")
                        .contains("@TrackMetadata on " + misused + ".noEquals(long): entry \"feature\" has no '='")
                        .contains("@TrackMetadata on " + misused + ".wrongIdType(double): @PromptLayerRequestId"
                                + " parameter 0 is a double")
                        // Warnings are logged, never a reason to fail by default.
                        .doesNotContain(OnlyWarned.class.getName());
            });

    @Test
    void theBuildFails() {
        throw new AssertionError("the build accepted misused annotations");
    }

    @ApplicationScoped
    public static class Misused {

        @TrackMetadata
        private void hidden(@PromptLayerRequestId long id) {
        }

        @TrackMetadata
        public void twoIds(@PromptLayerRequestId long first, @PromptLayerRequestId long second) {
        }

        @TrackMetadata({"=value"})
        public void badKey(@PromptLayerRequestId long id) {
        }

        @TrackMetadata({"feature"})
        public void noEquals(@PromptLayerRequestId long id) {
        }

        @TrackMetadata
        public void wrongIdType(@PromptLayerRequestId double id) {
        }

        public void callHidden() {
            hidden(1L);
        }
    }

    @ApplicationScoped
    public static class OnlyWarned {

        /** No request id in the signature: a TrackingContext may still supply one. */
        @TrackMetadata
        public void fromContextOnly(@MetadataParam("step") String step) {
        }
    }
}
