/**
 * JMH benchmarks for pltrack. They are compiled by the reactor build but run only by hand
 * ({@code java -jar benchmarks/target/benchmarks.jar}), never by the test command: timings from a
 * shared machine are reported as ratios against a baseline measured in the same run.
 */
package dev.pltrack.benchmarks;
