/**
 * pltrack's core client for PromptLayer's {@code POST /rest/track-metadata}.
 *
 * <p>{@link dev.pltrack.client.PromptLayerConfig} holds the settings (the same names the Spring,
 * Micronaut and Quarkus modules bind from {@code promptlayer.*}), {@link dev.pltrack.client.PromptLayerClient}
 * sends one track synchronously with validation, timeouts and retries, and the
 * {@link dev.pltrack.client.PromptLayerException} family says what went wrong. The HTTP declaration
 * is a Feign interface, {@link dev.pltrack.client.TrackMetadataApi}, on the JDK's HTTP client.
 */
package dev.pltrack.client;
