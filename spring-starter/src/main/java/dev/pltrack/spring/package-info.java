/**
 * Spring Boot auto-configuration for pltrack: {@link dev.pltrack.spring.PromptLayerProperties} binds
 * the {@code promptlayer.*} properties as the core's settings view, {@link dev.pltrack.spring.PromptLayerAutoConfiguration}
 * wires the client, delivery engine and {@code @TrackMetadata} handler.
 */
package dev.pltrack.spring;
