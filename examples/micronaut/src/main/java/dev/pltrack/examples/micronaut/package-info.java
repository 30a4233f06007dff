/**
 * A Micronaut HTTP app whose {@link dev.pltrack.examples.micronaut.ChatService} methods carry
 * {@code @TrackMetadata}; {@link dev.pltrack.examples.micronaut.MicronautDemo} runs it in demo mode.
 */
package dev.pltrack.examples.micronaut;
