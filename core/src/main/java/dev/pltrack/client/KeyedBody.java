package dev.pltrack.client;

/**
 * A request of the family beyond track-metadata, with the key that {@link RequestBodyEncoder} may
 * write into its body. {@link #toString()} masks the key.
 */
record KeyedBody<T>(ApiKey apiKey, T payload) {

    @Override
    public String toString() {
        return "KeyedBody{api_key=" + ApiKey.MASK + ", payload=" + payload + "}";
    }
}
