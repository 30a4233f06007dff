package dev.pltrack.micronaut.beans;

import dev.pltrack.micronaut.management.PltrackEnvironmentMasking;
import io.micronaut.context.annotation.Requires;
import io.micronaut.management.endpoint.env.EnvironmentEndpointFilter;
import io.micronaut.management.endpoint.env.EnvironmentFilterSpecification;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;

/** An application's filter that shows /env's values, as the README tells: all but the API key. */
@Singleton
@Requires(property = "test.env-filter", value = "show-values")
public class ShowValuesEnvironmentFilter implements EnvironmentEndpointFilter {

    @Override
    public void specifyFiltering(EnvironmentFilterSpecification specification) {
        // Masked too: @MicronautTest's own micronaut.test.active.spec.clazz holds a Class, which
        // micronaut-serde cannot write (/env would answer 500).
        PltrackEnvironmentMasking.maskNoneButTheApiKey(specification).exclude(Pattern.compile("micronaut\\.test\\..*"));
    }
}
