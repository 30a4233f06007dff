/**
 * pltrack's core client for PromptLayer's request family: {@code POST /rest/track-metadata},
 * {@code /log-request} (an LLM call, answered with its new request id), {@code /rest/track-score} and
 * {@code /rest/track-prompt}; the typed requests ({@link dev.pltrack.client.TrackRequest},
 * {@link dev.pltrack.client.LogRequest} with its {@link dev.pltrack.client.blueprint Prompt Blueprints},
 * {@link dev.pltrack.client.ScoreRequest}, {@link dev.pltrack.client.PromptLinkRequest}) are validated
 * when built.
 *
 * <p>{@link dev.pltrack.client.PromptLayerConfig} holds the settings (the same names the Spring,
 * Micronaut and Quarkus modules bind from {@code promptlayer.*}), {@link dev.pltrack.client.PromptLayerClient}
 * sends each synchronously with validation, timeouts and retries, and the
 * {@link dev.pltrack.client.PromptLayerException} family says what went wrong. The HTTP declaration
 * is a Feign interface, {@link dev.pltrack.client.PromptLayerApi}, on Apache HttpClient 5's or the JDK's asynchronous HTTP client.
 */
package dev.pltrack.client;
