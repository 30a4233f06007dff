package dev.pltrack.llm;

/**
 * What the LLM integrations did since start-up. What became of each submitted log (delivered,
 * failed, dropped) is in the delivery engine's own counters.
 *
 * @param submitted calls handed to the delivery engine as logs
 * @param unmapped  calls that could not be logged because their request could not be built (a bug in
 *                  an integration, or a value PromptLayer would refuse); each is logged at WARN
 */
public record LlmLoggingStats(long submitted, long unmapped) {
}
