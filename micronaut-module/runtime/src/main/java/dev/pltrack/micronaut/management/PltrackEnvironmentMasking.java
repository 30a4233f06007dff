package dev.pltrack.micronaut.management;

import dev.pltrack.settings.ApiKeyProperty;
import io.micronaut.management.endpoint.env.EnvironmentFilterSpecification;

/**
 * For an application's own {@code io.micronaut.management.endpoint.env.EnvironmentEndpointFilter}: the
 * names under which the API key appears in micronaut-management's {@code /env} endpoint.
 * <p>
 * Micronaut masks every value of {@code /env} unless the application's filter says otherwise, and it
 * uses one filter, the application's, whose meaning of {@code exclude(...)} depends on its mode (shown
 * under {@code maskAll()}, masked under {@code maskNone()}). So pltrack contributes no filter of its
 * own; an application that shows values calls {@link #maskNoneButTheApiKey} instead of
 * {@code maskNone()}:
 * <pre>{@code
 * @Singleton
 * class ShowValues implements EnvironmentEndpointFilter {
 *     public void specifyFiltering(EnvironmentFilterSpecification specification) {
 *         PltrackEnvironmentMasking.maskNoneButTheApiKey(specification).exclude(Pattern.compile(".*password.*"));
 *     }
 * }
 * }</pre>
 */
public final class PltrackEnvironmentMasking {

    /** {@code promptlayer.api-key} with case and every separator ({@code . - _ [ ]}) removed. */

    private PltrackEnvironmentMasking() {
    }

    /**
     * Shows every value but the API key's: {@code specification.maskNone()}, with the key's names
     * masked. Further {@code exclude(...)} calls mask more names.
     */
    public static EnvironmentFilterSpecification maskNoneButTheApiKey(EnvironmentFilterSpecification specification) {
        return specification.maskNone().exclude(PltrackEnvironmentMasking::isApiKeyName);
    }

    /**
     * Whether {@code name} is {@code promptlayer.api-key} in a form Micronaut gives it:
     * {@code promptlayer.api-key}, {@code promptlayer.api.key} (from {@code PROMPTLAYER_API_KEY}),
     * {@code promptlayer.apiKey}, {@code promptlayer.api_key}, ...
     */
    public static boolean isApiKeyName(String name) {
        return ApiKeyProperty.isApiKeyName(name);
    }
}
