package dev.pltrack.client;

/** PromptLayer's rule for metadata keys, in one place for every check that needs it. */
public final class MetadataKeys {

    /** The longest key PromptLayer stores. */
    public static final int MAX_LENGTH = 1024;

    private MetadataKeys() {
    }

    /**
     * @return the rule {@code key} breaks ("must not be blank", "must be at most 1024 characters
     *         (was N)"), or {@code null} when it is a valid key
     */
    public static String ruleBroken(String key) {
        if (key == null || key.isBlank()) {
            return "must not be blank";
        }
        if (key.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters (was " + key.length() + ")";
        }
        return null;
    }
}
