package dev.pltrack.testkit;

/**
 * The PromptLayer endpoints the fake serves, all {@code POST}, all checked with the same key and
 * answering the same 400, 401 and 422 shapes. Used to aim a fault at one of them ({@link
 * FakePromptLayer#failNext(Endpoint, int, Fault)}) and to count per endpoint.
 */
public enum Endpoint {

    /** Logs an LLM call made outside PromptLayer; answers 201 with the new request id. */
    LOG_REQUEST("/log-request"),

    /** Adds metadata to a request; later values win key by key. */
    TRACK_METADATA("/rest/track-metadata"),

    /** Gives a request a named score from 0 to 100. */
    TRACK_SCORE("/rest/track-score"),

    /** Links a request to a prompt template version or release label. */
    TRACK_PROMPT("/rest/track-prompt");

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    /** E.g. {@code /log-request}: appended to {@link FakePromptLayer#baseUrl()}. */
    public String path() {
        return path;
    }
}
