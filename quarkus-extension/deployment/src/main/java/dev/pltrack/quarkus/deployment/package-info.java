/**
 * The build half of pltrack's Quarkus extension: {@code @TrackMetadata} as an ArC interceptor binding,
 * the beans, the build-time check of annotation usage (the core's own analysis) and native-image hints.
 */
package dev.pltrack.quarkus.deployment;
