package dev.pltrack.client;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * The PromptLayer API key, held so that it cannot be printed by accident: {@link #toString()} is
 * masked and only this package can read the value.
 */
public final class ApiKey {

    static final String MASK = "****";

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * @throws IllegalArgumentException if the key is null or blank, no-break and zero-width spaces
     *                                  counting as blank (the message never contains it)
     */
    public static ApiKey of(String value) {
        if (BlankText.isBlank(value)) {
            throw new IllegalArgumentException("promptlayer.api-key must not be blank");
        }
        return new ApiKey(value.strip());
    }

    String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey that
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }
}
