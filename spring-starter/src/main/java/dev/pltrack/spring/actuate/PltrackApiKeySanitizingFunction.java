package dev.pltrack.spring.actuate;

import dev.pltrack.settings.ApiKeyProperty;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.origin.OriginTrackedValue;

/**
 * Masks pltrack's API key wherever Actuator shows values ({@code /actuator/configprops},
 * {@code /actuator/env}, with {@code show-values} on):
 * <ul>
 *   <li>the value of {@code promptlayer.api-key} in any relaxed form ({@code promptlayer.apiKey},
 *       {@code promptlayer.api_key}, {@code PROMPTLAYER_API_KEY}, {@code PROMPTLAYER_APIKEY}, ...),
 *       whatever it holds;</li>
 *   <li>the configured key inside any other value ({@code sun.java.command} with a
 *       {@code --promptlayer.api-key=} argument, {@code SPRING_APPLICATION_JSON}, a URL carrying it):
 *       each occurrence is replaced by the mask, the rest of the value stays readable.</li>
 * </ul>
 * Other values are left as they are, for the application's own functions or Boot's defaults.
 */
public final class PltrackApiKeySanitizingFunction implements SanitizingFunction {

    /** {@code promptlayer.api-key} with case and every separator ({@code . - _ [ ]}) removed. */

    private final Supplier<Optional<String>> configuredKey;

    /**
     * @param configuredKey the API key the application is configured with, read when a value is
     *                      sanitized (empty when none is set)
     */
    public PltrackApiKeySanitizingFunction(Supplier<Optional<String>> configuredKey) {
        this.configuredKey = configuredKey;
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        Object value = data.getValue();
        if (value == null) {
            return data;
        }
        if (isApiKeyName(data.getKey())) {
            return data.withSanitizedValue();
        }
        if (value instanceof CharSequence || value instanceof OriginTrackedValue) {
            String text = value.toString();
            Optional<String> key = configuredKey.get().map(String::strip).filter(k -> !k.isEmpty());
            if (key.isPresent() && text.contains(key.get())) {
                return data.withValue(text.replace(key.get(), SanitizableData.SANITIZED_VALUE));
            }
        }
        return data;
    }

    /** Whether {@code name} is {@code promptlayer.api-key} in one of Boot's relaxed forms. */
    public static boolean isApiKeyName(String name) {
        return ApiKeyProperty.isApiKeyName(name);
    }

    @Override
    public String toString() {
        return "PltrackApiKeySanitizingFunction{masks promptlayer.api-key, PROMPTLAYER_API_KEY and the key's value}";
    }
}
