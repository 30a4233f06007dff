/** LangChain4j in a Micronaut application: {@code pltrack-langchain4j}'s listener as a bean. */
package dev.pltrack.micronaut.langchain4j;
