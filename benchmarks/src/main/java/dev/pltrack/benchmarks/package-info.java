/**
 * JMH benchmarks and an overload harness for pltrack. They are compiled by the reactor build but run
 * only by hand, never by the test command: timings from a shared machine are reported as ratios
 * against a baseline measured in the same run.
 *
 * <p>Build the shaded jar once:
 *
 * <pre>
 * mvn -B -ntp -q -pl benchmarks -am package -DskipTests
 * </pre>
 *
 * <p>Then, from the repository root:
 *
 * <ul>
 *   <li>{@link dev.pltrack.benchmarks.AnnotatedCallBenchmark}: the caller-side time of a call to a
 *       {@code @TrackMetadata} method through {@code TrackMetadataHandler.invoke}, against the bare
 *       call; {@code Mode.SampleTime}, read the {@code p0.50} lines (ns). About 4 minutes:
 *       <pre>java -jar benchmarks/target/benchmarks.jar AnnotatedCallBenchmark -prof gc</pre></li>
 *   <li>{@link dev.pltrack.benchmarks.EngineThroughputBenchmark}: delivered calls per second of the
 *       delivery engine against {@link dev.pltrack.benchmarks.MinimalPromptLayerServer} on loopback,
 *       beside a plain pooled {@code java.net.http.HttpClient} with as many threads as the engine
 *       has senders, and the server's own ceiling (raw-socket keep-alive and pipelined clients);
 *       {@code threads} 2 and 4. About 5 minutes:
 *       <pre>java -jar benchmarks/target/benchmarks.jar EngineThroughputBenchmark</pre></li>
 *   <li>{@link dev.pltrack.benchmarks.OverloadHarness} (a {@code main}, not JMH): 1,000,000
 *       submissions to an engine whose server never answers; checks that the heap stays bounded and
 *       every submission is accounted for, then that closing sends every pending track to the
 *       dead-letter handler. Exits 1 if a check fails. Run it with a fixed heap; options are
 *       {@code submissions=}, {@code shutdown-timeout=} (default {@code 2s}), {@code max-growth-mb=}
 *       (default 64) and {@code api=offer|track}. About 10 seconds:
 *       <pre>java -Xms512m -Xmx512m -cp benchmarks/target/benchmarks.jar dev.pltrack.benchmarks.OverloadHarness</pre></li>
 *   <li>{@link dev.pltrack.benchmarks.TransportBenchmark}: the Feign transports against a bare
 *       {@code java.net.http} POST:
 *       <pre>java -jar benchmarks/target/benchmarks.jar TransportBenchmark -t 1</pre></li>
 * </ul>
 *
 * JMH's usual options apply ({@code -f}, {@code -wi}, {@code -i}, {@code -p threads=2}, {@code -prof
 * stack}); {@code -h} lists them.
 */
package dev.pltrack.benchmarks;
