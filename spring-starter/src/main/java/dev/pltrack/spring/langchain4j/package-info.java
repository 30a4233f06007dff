/**
 * LangChain4j in a Spring Boot application: exposes {@code pltrack-langchain4j}'s listener as a
 * {@code ChatModelListener} bean, so that LangChain4j's chat models log their calls to PromptLayer.
 */
package dev.pltrack.spring.langchain4j;
