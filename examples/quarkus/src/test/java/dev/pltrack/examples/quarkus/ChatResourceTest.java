package dev.pltrack.examples.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.pltrack.testkit.FakePromptLayer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example over HTTP, against a fake PromptLayer: what it received, its health and its meters. */
@QuarkusTest
@WithTestResource(FakePromptLayerResource.class)
class ChatResourceTest {

    private static final String SESSION = "0e6a2c1c-5b0e-4d53-9d43-3a3b3c8d9f01";

    @FakePromptLayerResource.InjectFake
    FakePromptLayer promptLayer;

    @BeforeEach
    void forgetEarlierTracks() {
        promptLayer.reset();
    }

    @Test
    void anAnswerAndItsRatingsAreTrackedUnderTheAnswersRequestId() throws InterruptedException {
        long requestId = given().contentType(ContentType.JSON)
                .body(Map.of("userId", "u-1", "sessionId", SESSION, "question", "Hi?"))
                .when().post("/chat")
                .then().statusCode(200)
                .extract().jsonPath().getLong("requestId");
        given().when().post("/chat/" + requestId + "/rating?stars=4").then().statusCode(204);
        given().when().post("/chat/" + requestId + "/rating?stars=9")
                .then().statusCode(400).body(containsString("not 9"));

        // One request id is never sent twice at once, so its three tracks arrive in order.
        awaitMetadata(requestId, "error_type");
        // PromptLayer merges the three tracks of one request; the last one carries the error.
        assertThat(promptLayer.metadataFor(requestId)).isEqualTo(Map.of(
                "app", "pltrack-example-quarkus",
                "feature", "chat",
                "event", "rating",
                "model", "demo-llm",
                "user_id", "u-1",
                "session_id", SESSION,
                "rating", "9",
                "error_type", "java.lang.IllegalArgumentException",
                "error_message", "a rating is 1 to 5 stars, not 9"));
    }

    private void awaitMetadata(long requestId, String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!promptLayer.metadataFor(requestId).containsKey(key)) {
            assertThat(System.nanoTime()).as("%s for request %d; received %s", key, requestId, promptLayer.received())
                    .isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void wellnessHasAPromptLayerCheckThatShowsNoKey() {
        given().when().get("/q/health/well")
                .then().statusCode(200)
                .body("checks.name", hasItem("promptlayer"))
                .body("checks.find { it.name == 'promptlayer' }.status", org.hamcrest.Matchers.is("UP"))
                .body(not(containsString(promptLayer.apiKey())));
    }

    @Test
    void byDefaultPltracksCheckIsNotPartOfReadiness() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", not(hasItem("promptlayer")));
    }

    @Test
    void theCoresMetersAreInTheRegistry() {
        given().contentType(ContentType.JSON)
                .body(Map.of("userId", "u-2", "question", "Metrics?"))
                .when().post("/chat").then().statusCode(200);
        promptLayer.awaitAccepted(1, Duration.ofSeconds(10));

        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("pltrack_tracks_submitted"))
                .body(containsString("pltrack_queue_capacity"))
                .body(containsString("pltrack_calls"));
    }
}
