/**
 * Logs the chat calls a Spring AI application makes to PromptLayer: an observation handler on Spring
 * AI's chat-model observation ({@code ChatModelObservationContext}) sees every {@code ChatModel} call,
 * made through {@code ChatClient} or directly, blocking or streaming, and hands it to the starter's
 * {@link dev.pltrack.llm.LlmCallLogger}, which applies the {@code promptlayer.logging.*} settings and
 * sends the log in the background. This package only maps Spring AI's types (prompt messages, options,
 * response, error) onto PromptLayer's log request; every rule lives in {@code dev.pltrack.llm}.
 */
package dev.pltrack.springai;
