/**
 * {@code @TrackMetadata} on Micronaut beans: the {@code promptlayer.*} configuration
 * ({@link dev.pltrack.micronaut.PromptLayerProperties}), the core's client, delivery engine and handler
 * as beans ({@link dev.pltrack.micronaut.PltrackFactory}), and the interceptor that hands annotated
 * calls to the handler ({@link dev.pltrack.micronaut.TrackMetadataInterceptor}).
 * {@code promptlayer.enabled=false} removes all of them.
 */
package dev.pltrack.micronaut;
