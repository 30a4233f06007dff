/**
 * Micrometer meters for pltrack ({@link dev.pltrack.metrics.PltrackMeterBinder}), bound by the
 * Spring, Micronaut and Quarkus modules when Micrometer is present. Micrometer is an optional
 * dependency of pltrack-core.
 */
package dev.pltrack.metrics;
