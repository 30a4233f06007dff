/**
 * Logging the LLM calls an application makes, for the integrations that see them (LangChain4j's
 * listener, Spring AI's observation): the {@code promptlayer.logging.*} settings
 * ({@link dev.pltrack.llm.LlmLoggingConfig}), what is kept of prompt and completion text, provider
 * names and error categories as PromptLayer reads them, and the one way a finished call reaches the
 * delivery engine ({@link dev.pltrack.llm.LlmCallLogger}, {@link dev.pltrack.llm.LlmCall}). An
 * integration only maps its own types onto a {@link dev.pltrack.client.LogRequest}; every rule is here.
 */
package dev.pltrack.llm;
