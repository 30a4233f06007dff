package dev.pltrack.examples.quarkus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.pltrack.testkit.FakePromptLayer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** With promptlayer.build.readiness-check=true, pltrack's check is a readiness check instead. */
@QuarkusTest
@TestProfile(ReadinessCheckSwitchTest.AsReadiness.class)
@WithTestResource(FakePromptLayerResource.class)
class ReadinessCheckSwitchTest {

    @FakePromptLayerResource.InjectFake
    FakePromptLayer promptLayer;

    @Test
    void theCheckMovesFromWellnessToReadiness() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItem("promptlayer"))
                .body(not(containsString(promptLayer.apiKey())));
        given().when().get("/q/health/well")
                .then().statusCode(200)
                .body("checks.name", not(hasItem("promptlayer")));
    }

    /** The profile application.properties sets the build-time switch in (as an application would). */
    public static final class AsReadiness implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "readiness-check";
        }
    }
}
