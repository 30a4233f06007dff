package dev.pltrack.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What every request brings, whichever endpoint it is for.
 *
 * @param receivedAt when it arrived
 * @param rawBody the body exactly as received (UTF-8)
 * @param headers the headers as received
 */
record Arrival(Instant receivedAt, String rawBody, Map<String, List<String>> headers) {}
