/** A Spring Boot web app that tracks its LLM calls' metadata with pltrack's starter. */
package dev.pltrack.examples.spring;
