package dev.pltrack.tracking;

import dev.pltrack.client.TrackRequest;

/**
 * Where resolved tracks go: {@code deliveryEngine::offer} in production, a list in a test.
 * Must not block and must not throw.
 */
@FunctionalInterface
public interface TrackSink {

    /** @return true if the track was accepted, false if it was refused (and counted by the sink) */
    boolean offer(TrackRequest request);
}
