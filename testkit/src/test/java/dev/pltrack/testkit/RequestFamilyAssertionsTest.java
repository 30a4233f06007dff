package dev.pltrack.testkit;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

class RequestFamilyAssertionsTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private final FakePromptLayer fake = promptLayer.server();
    private final TrackClient client = new TrackClient(fake);

    @Test
    void passWhenTheFakeHoldsWhatIsExpected() {
        client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log());
        client.track(1, Map.of("user_id", "u1"));
        client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(1, "accuracy", 90));
        client.postWithKey(Endpoint.TRACK_PROMPT, Bodies.promptLink(1, "greeting"));

        assertThat(fake)
                .hasLoggedRequests(1)
                .hasMetadata(1, Map.of("session_id", "abc123", "user_id", "u1"))
                .hasScore(1, "accuracy", 90)
                .hasPromptLink(1, "greeting")
                .hasTracked(1, Map.of("session_id", "abc123", "user_id", "u1"));
        assertThat(fake)
                .loggedRequest(1)
                .satisfies(log -> org.assertj.core.api.Assertions.assertThat(log.log().model()).isEqualTo("gpt-4o"));
    }

    @Test
    void hasLoggedRequestsSaysHowManyAndWhatArrived() {
        client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log());
        client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log("model", 4));

        assertThatThrownBy(() -> assertThat(fake).hasLoggedRequests(2))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected the fake PromptLayer to have logged 2 request(s) but it logged 1")
                .hasMessageContaining("2 request(s) received, 1 accepted")
                .hasMessageContaining(
                        "#1 -> 201 accepted, log-request id=1, provider=openai, model=gpt-4o,"
                                + " metadata={session_id=abc123}")
                .hasMessageContaining(
                        "#2 -> 422 not accepted, log-request, provider=openai,"
                                + " model=<missing or not a string>");
    }

    @Test
    void loggedRequestFailsForAnIdTheFakeDidNotGiveOut() {
        client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log());
        client.track(7, Map.of("a", "b"));

        assertThatThrownBy(() -> assertThat(fake).loggedRequest(7))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected a request logged with id 7 but the fake gave out the ids [1]")
                .hasMessageContaining("#2 -> 200 accepted, request_id=7, metadata={a=b}");
    }

    @Test
    void loggedRequestNamesTheLogInLaterFailures() {
        client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log());

        assertThatThrownBy(() -> assertThat(fake).loggedRequest(1).isNull())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("[request log 1 at the fake PromptLayer]");
    }

    @Test
    void hasMetadataShowsTheDifferenceAndWhatWasMerged() {
        client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log());
        client.track(1, Map.of("session_id", "s2"));

        assertThatThrownBy(() -> assertThat(fake).hasMetadata(1, Map.of("session_id", "abc123")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected request_id 1 to hold exactly")
                .hasMessageContaining("{session_id=s2}")
                .hasMessageContaining("different values for: [session_id]")
                .hasMessageContaining("Merged from, in this order:")
                .hasMessageContaining("#1 -> 201 accepted, log-request id=1")
                .hasMessageContaining("#2 -> 200 accepted, request_id=1, metadata={session_id=s2}");
    }

    @Test
    void hasMetadataFailsForAnIdNeitherLoggedNorTracked() {
        assertThatThrownBy(() -> assertThat(fake).hasMetadata(3, Map.of()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected request_id 3 to hold metadata {} but it was neither logged nor tracked")
                .hasMessageContaining("Nothing was received.");
    }

    @Test
    void hasScoreShowsTheScoresTheRequestHas() {
        client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(2, "tone", 10));
        client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(2, "tone", 20));

        assertThat(fake).hasScore(2, "tone", 20);
        assertThatThrownBy(() -> assertThat(fake).hasScore(2, "tone", 10))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected request_id 2 to have the score tone=10 but its scores are {tone=20}")
                .hasMessageContaining("#1 -> 200 accepted, track-score request_id=2, name=tone, score=10");
        assertThatThrownBy(() -> assertThat(fake).hasScore(2, "default", 20))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void hasPromptLinkSaysWhichPromptTheRequestIsLinkedTo() {
        client.postWithKey(Endpoint.TRACK_PROMPT, Bodies.promptLink(2, "a").put("label", "prod"));

        assertThatThrownBy(() -> assertThat(fake).hasPromptLink(2, "b"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected request_id 2 to be linked to the prompt b but it is linked to a")
                .hasMessageContaining("track-prompt request_id=2, prompt_name=a, label=prod");
        assertThatThrownBy(() -> assertThat(fake).hasPromptLink(3, "a"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but it is linked to none");
    }
}
