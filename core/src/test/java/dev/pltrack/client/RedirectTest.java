package dev.pltrack.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A redirect is never followed: it would carry the API key to wherever it points. */
class RedirectTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private final WireMockServer redirecting = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    @BeforeEach
    void start() {
        redirecting.start();
    }

    @AfterEach
    void stop() {
        redirecting.stop();
    }

    @ParameterizedTest(name = "{0} is reported, not followed")
    @ValueSource(ints = {301, 302, 307, 308})
    void redirectsAreReportedNotFollowed(int status) {
        FakePromptLayer fake = promptLayer.server();
        redirecting.stubFor(post(urlPathEqualTo("/rest/track-metadata"))
                .willReturn(aResponse().withStatus(status).withHeader("Location", fake.baseUrl() + "/rest/track-metadata")));
        PromptLayerClient client = PromptLayerClient.create(PromptLayerConfig.builder()
                .apiKey(fake.apiKey())
                .baseUrl(redirecting.baseUrl())
                .build());

        PromptLayerHttpException failure = catchThrowableOfType(PromptLayerHttpException.class,
                () -> client.track(1L, Map.of("k", "v")));

        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.reason()).isEqualTo(FailureReason.UNEXPECTED_STATUS);
        assertThat(fake).hasReceivedNothing();
    }
}
