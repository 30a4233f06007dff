/** Micrometer meters for pltrack, when Micrometer is present. */
package dev.pltrack.spring.metrics;
