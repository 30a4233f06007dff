/**
 * Compile-time support for {@code @TrackMetadata} in Micronaut applications: put this artifact on the
 * annotation processor path beside {@code micronaut-inject-java}.
 */
package dev.pltrack.micronaut.processor;
