/**
 * Spring Boot auto-configuration for pltrack: {@link dev.pltrack.spring.PromptLayerProperties} maps
 * the {@code promptlayer.*} properties onto the core, {@link dev.pltrack.spring.PromptLayerAutoConfiguration}
 * wires the client, delivery engine and {@code @TrackMetadata} handler.
 */
package dev.pltrack.spring;
