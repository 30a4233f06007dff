package dev.pltrack.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tracks still pending when the application stops are delivered before it is gone: the engine is
 * closed, which flushes, on shutdown.
 */
class ShutdownFlushesTest {

    private static final int TRACKS = 20;

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(TrackedService.class, Answer.class, SharedFake.class,
                    SharedFake.Bridge.class))
            .overrideRuntimeConfigKey("promptlayer.api-key", SharedFake.API_KEY)
            .overrideRuntimeConfigKey("promptlayer.base-url", SharedFake.BASE_URL_EXPRESSION)
            .overrideRuntimeConfigKey("promptlayer.delivery.max-in-flight", "1")
            // An idle sender would wait this long before looking: only closing can make it send now.
            .overrideRuntimeConfigKey("promptlayer.delivery.linger", "1m")
            .setBeforeAllCustomizer(SharedFake::start)
            .setAfterUndeployListener(ShutdownFlushesTest::everyTrackArrived)
            .setAfterAllCustomizer(SharedFake::stop);

    @Inject
    TrackedService service;

    @Test
    void tracksAreSubmittedJustBeforeTheApplicationStops() {
        for (long id = 1; id <= TRACKS; id++) {
            service.idReturned(1000 + id);
        }
        assertThat(SharedFake.received()).hasSizeLessThan(TRACKS);
    }

    /** After the application stopped, on JUnit's side. */
    private static void everyTrackArrived() {
        List<Map.Entry<Long, Map<String, String>>> received = SharedFake.received();
        assertThat(received).extracting(Map.Entry::getKey).hasSize(TRACKS).doesNotHaveDuplicates();
    }
}
