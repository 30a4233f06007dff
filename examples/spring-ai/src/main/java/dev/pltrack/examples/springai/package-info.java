/** A Spring AI chat app whose {@code ChatClient} calls pltrack-spring-ai logs to PromptLayer. */
package dev.pltrack.examples.springai;
