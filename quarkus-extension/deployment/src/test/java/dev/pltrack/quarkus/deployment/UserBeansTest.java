package dev.pltrack.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.client.FailureReason;
import dev.pltrack.client.TrackRequest;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The application's {@code DeadLetterHandler}, {@code DeliveryListener} and {@code AsyncResultAdapter}
 * beans are the engine's and the handler's, as in the Spring and Micronaut modules.
 */
class UserBeansTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(UserBeans.class, UserBeans.RecordingDeadLetters.class,
                    UserBeans.RecordingListener.class, UserBeans.Later.class, UserBeans.LaterAdapter.class,
                    UserBeans.Service.class, SharedFake.class, SharedFake.Bridge.class))
            .overrideRuntimeConfigKey("promptlayer.api-key", SharedFake.API_KEY)
            .overrideRuntimeConfigKey("promptlayer.base-url", SharedFake.BASE_URL_EXPRESSION)
            .setBeforeAllCustomizer(SharedFake::start)
            .setAfterAllCustomizer(SharedFake::stop);

    @Inject
    UserBeans.Service service;

    @Inject
    UserBeans.RecordingDeadLetters deadLetters;

    @Inject
    UserBeans.RecordingListener listener;

    @Test
    void theListenerHearsEachDelivery() {
        service.returned(2001L);
        SharedFake.awaitTracked(2001L);
        Awaitility.await().atMost(WAIT).until(() -> listener.delivered.contains(2001L));
    }

    @Test
    void theDeadLetterHandlerReceivesWhatCouldNotBeDelivered() {
        SharedFake.failNext(400, "{\"success\":false,\"message\":\"bad\"}");
        service.rejected(2002L);
        Awaitility.await().atMost(WAIT).until(() -> !deadLetters.letters.isEmpty());
        assertThat(deadLetters.letters).singleElement().satisfies(letter -> {
            assertThat(((TrackRequest) letter.submission()).requestId()).isEqualTo(2002L);
            assertThat(letter.reason()).isEqualTo(FailureReason.BAD_REQUEST);
        });
    }

    @Test
    void theApplicationsAdapterTracksItsResultTypeOnCompletion() throws InterruptedException {
        UserBeans.Later later = service.later();
        Thread.sleep(200);
        assertThat(SharedFake.metadataFor(2003L)).isEmpty();   // not complete yet: nothing sent
        later.complete(2003L);
        SharedFake.awaitTracked(2003L);
        assertThat(SharedFake.metadataFor(2003L)).isEqualTo(Map.of("source", "later"));
    }
}
