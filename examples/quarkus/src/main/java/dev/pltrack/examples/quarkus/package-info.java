/** A Quarkus REST app whose service carries {@code @TrackMetadata}; see the module's README section. */
package dev.pltrack.examples.quarkus;
