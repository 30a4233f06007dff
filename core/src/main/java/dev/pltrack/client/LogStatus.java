package dev.pltrack.client;

/** How a logged LLM call went, as PromptLayer's {@code status} says it. */
public enum LogStatus {
    /** Completed (PromptLayer's default). */
    SUCCESS,
    /** Completed with issues: retries, a degraded or partial answer. */
    WARNING,
    /** Failed. */
    ERROR
}
