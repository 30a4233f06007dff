/**
 * Logs every LangChain4j chat call to PromptLayer: {@link dev.pltrack.langchain4j.PromptLayerChatModelListener}
 * is a {@code ChatModelListener} that maps LangChain4j's request, response or error onto a
 * {@code LogRequest} (messages as a Prompt Blueprint, model, provider, tokens, parameters, tool calls)
 * and hands it to core's {@link dev.pltrack.llm.LlmCallLogger}, which applies the
 * {@code promptlayer.logging.*} settings and submits it to the delivery engine. Framework neutral:
 * the Spring Boot, Micronaut and Quarkus modules only expose the listener as a bean.
 */
package dev.pltrack.langchain4j;
