package dev.pltrack.settings;

import java.util.Locale;

/**
 * Recognises the API key's property under every name a framework gives it, for the adapters that
 * mask it in their own endpoints (Spring Actuator's configprops and env, Micronaut's env): one rule,
 * so that the frameworks cannot disagree on what is secret.
 */
public final class ApiKeyProperty {

    private static final String NORMALIZED_NAME = "promptlayerapikey";

    private ApiKeyProperty() {
    }

    /**
     * Whether {@code name} is {@code promptlayer.api-key} in a relaxed form: {@code promptlayer.api-key},
     * {@code promptlayer.apiKey}, {@code promptlayer.api_key}, {@code promptlayer.api.key},
     * {@code PROMPTLAYER_API_KEY}, {@code PROMPTLAYER_APIKEY}, ... (letters and digits compared without
     * case, the separators {@code . - _ [ ]} ignored; any other character means another name).
     */
    public static boolean isApiKeyName(String name) {
        if (name == null) {
            return false;
        }
        StringBuilder normalized = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                normalized.append(c);
            } else if (c != '.' && c != '-' && c != '_' && c != '[' && c != ']') {
                return false;
            }
        }
        return normalized.toString().toLowerCase(Locale.ROOT).equals(NORMALIZED_NAME);
    }
}
