package dev.pltrack.micronaut.unbound;

import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Compiled with micronaut-inject-java but WITHOUT pltrack-micronaut-processor (see this module's pom),
 * as a user who forgot it would compile it. Only present when a test asks for it.
 */
@Singleton
@Requires(property = "test.unbound", value = "true")
public class UnboundService {

    @TrackMetadata("feature=forgotten")
    public void rate(@PromptLayerRequestId long requestId) {
    }
}
