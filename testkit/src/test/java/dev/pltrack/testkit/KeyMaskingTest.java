package dev.pltrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

/** Keys are secrets: nothing the testkit prints may contain one, configured or received. */
class KeyMaskingTest {

    private static final String KEY = "pl_secret_configured_key_42";
    private static final String WRONG_KEY = "pl_secret_wrong_key_77";

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension(KEY);

    private final FakePromptLayer fake = promptLayer.server();

    @Test
    void aRecordingPrintsMaskedKeysAndEverythingElse() {
        new TrackClient(fake)
                .post(
                        TrackClient.body(KEY, 3, Map.of("user_id", "u1")),
                        "X-API-KEY",
                        KEY,
                        "Authorization",
                        "Bearer " + KEY,
                        "User-Agent",
                        "pltrack-test");

        String printed = fake.received().get(0).toString();

        assertThat(printed)
                .doesNotContain(KEY)
                .contains("apiKeyInBody=pl_s****")
                .contains("X-API-KEY=[pl_s****]")
                .contains("Authorization=[Bear****]")
                .contains("\"api_key\":\"pl_s****\"")
                .contains(
                        "requestId=3",
                        "metadata={user_id=u1}",
                        "User-Agent=[pltrack-test]",
                        "responseStatus=200",
                        "accepted=true",
                        "sequence=1");
    }

    @Test
    void aWrongKeyThatArrivedIsMaskedToo() {
        new TrackClient(fake.baseUrl(), WRONG_KEY).track(3, Map.of("a", "b"));
        new TrackClient(fake).post("{\"api_key\": \"" + WRONG_KEY + "\", not json");

        assertThat(fake.received().get(0).toString())
                .doesNotContain(WRONG_KEY)
                .contains("pl_s****");
        assertThat(fake.received().get(1).toString()).doesNotContain(WRONG_KEY);
    }

    @Test
    void theServerTheExtensionAndFailureMessagesNeverShowTheKey() {
        new TrackClient(fake).track(1, Map.of("a", "b"));
        new TrackClient(fake.baseUrl(), WRONG_KEY).track(2, Map.of("a", "b"));

        assertThat(fake.toString())
                .doesNotContain(KEY)
                .contains("apiKey=pl_s****")
                .contains("received=2", "accepted=1", fake.baseUrl());
        assertThat(promptLayer.toString()).doesNotContain(KEY).contains("pl_s****");
        Throwable timeout = catchThrowable(() -> fake.awaitAccepted(5, Duration.ofMillis(10)));
        Throwable assertion =
                catchThrowable(
                        () ->
                                PromptLayerAssertions.assertThat(fake)
                                        .hasTracked(1, Map.of("a", "c")));
        assertThat(timeout).hasMessageNotContaining(KEY).hasMessageNotContaining(WRONG_KEY);
        assertThat(assertion).hasMessageNotContaining(KEY).hasMessageNotContaining(WRONG_KEY);
    }

    @Test
    void theRecordingsOfTheOtherEndpointsMaskKeysToo() {
        TrackClient client = new TrackClient(fake);
        var log = Bodies.log().put("api_key", KEY);
        client.postTo(Endpoint.LOG_REQUEST, log.toString(), "X-API-KEY", KEY);
        client.postTo(Endpoint.TRACK_SCORE, Bodies.score(1, 5).put("api_key", KEY).toString(), "X-API-KEY", KEY);
        client.postTo(Endpoint.TRACK_PROMPT, Bodies.promptLink(1, "p").put("api_key", WRONG_KEY).toString());

        assertThat(fake.calls()).hasSize(3);
        for (RecordedCall call : fake.calls()) {
            assertThat(call.toString())
                    .doesNotContain(KEY)
                    .doesNotContain(WRONG_KEY)
                    .contains("apiKeyInBody=pl_s****")
                    .contains("sequence=" + call.sequence());
        }
        assertThat(fake.logged().get(0).toString())
                .contains("RecordedLog[", "requestId=1", "provider=openai", "X-API-KEY=[pl_s****]");
        assertThat(fake.receivedScores().get(0).toString()).contains("name=default", "score=5");
        assertThat(fake.receivedPromptLinks().get(0).toString())
                .contains("promptName=p", "responseStatus=401");
        assertThat(fake.loggedRequest(1).orElseThrow().toString()).doesNotContain(KEY);
    }

    @Test
    void masksKeepAShortPrefixOfLongKeysOnly() {
        assertThat(Secrets.mask("pl_fake_0123456789abcdef")).isEqualTo("pl_f****");
        assertThat(Secrets.mask("short")).isEqualTo("****");
        assertThat(Secrets.mask(null)).isNull();
    }
}
