package dev.pltrack.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.MetadataParam;
import dev.pltrack.TrackMetadata;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code promptlayer.build.fail-on-warnings=true} turns the core's warnings into build errors. */
class WarningsFailTheBuildWhenAskedTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(OnlyWarned.class))
            .overrideConfigKey("promptlayer.build.fail-on-warnings", "true")
            .assertException(failure -> assertThat(failure.getMessage())
                    .contains("@TrackMetadata on " + OnlyWarned.class.getName() + ".fromContextOnly(String): no"
                            + " request id source in the signature")
                    .contains("promptlayer.build.fail-on-warnings=true"));

    @Test
    void theBuildFails() {
        throw new AssertionError("the build accepted a warning with fail-on-warnings on");
    }

    @ApplicationScoped
    public static class OnlyWarned {

        @TrackMetadata
        public void fromContextOnly(@MetadataParam("step") String step) {
        }
    }
}
