/**
 * One health judgement of the delivery engine ({@link dev.pltrack.health.PltrackHealthCheck}),
 * which the Spring, Micronaut and Quarkus modules map onto their own health APIs.
 */
package dev.pltrack.health;
