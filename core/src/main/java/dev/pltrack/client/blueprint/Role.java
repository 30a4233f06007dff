package dev.pltrack.client.blueprint;

import java.util.Locale;

/** Who speaks in a chat message, as PromptLayer names it. */
public enum Role {
    SYSTEM, DEVELOPER, USER, ASSISTANT, TOOL;

    /** The name PromptLayer reads, e.g. {@code "assistant"}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
