/** Micrometer meters for pltrack, when the application uses micronaut-micrometer. */
package dev.pltrack.micronaut.metrics;
