package dev.pltrack.client;

/**
 * Removes the API key from any text before it reaches a log line or an exception: server answers
 * (a 422 may echo the body) and transport messages pass through here.
 */
final class SecretRedactor {

    private final String secret;

    SecretRedactor(ApiKey key) {
        this.secret = key.reveal();
    }

    String redact(String text) {
        if (text == null || !text.contains(secret)) {
            return text;
        }
        return text.replace(secret, ApiKey.MASK);
    }
}
