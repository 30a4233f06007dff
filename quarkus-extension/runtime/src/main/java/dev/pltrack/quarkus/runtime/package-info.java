/**
 * The runtime half of pltrack's Quarkus extension: the {@code promptlayer.*} configuration, the
 * recorder that builds the core's client, delivery engine and handler as beans, the ArC interceptor
 * behind {@code @TrackMetadata}, Mutiny {@code Uni} support, and the optional Micrometer and
 * SmallRye Health beans.
 */
package dev.pltrack.quarkus.runtime;
