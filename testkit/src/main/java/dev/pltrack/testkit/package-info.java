/**
 * A fake PromptLayer server for testing code that calls {@code POST /rest/track-metadata}.
 *
 * <p>Tests that mock the HTTP client prove little about a tracking client: timeouts, retries,
 * status handling and JSON encoding only show up over a real socket. {@link
 * dev.pltrack.testkit.FakePromptLayer} is a real HTTP server on {@code 127.0.0.1} that answers like
 * PromptLayer does (200, 400, 401, 422), records every track it receives, merges accepted metadata
 * per request id the way PromptLayer does, and can be told to misbehave ({@link
 * dev.pltrack.testkit.Fault}: error statuses, rate limits, slow answers, dropped connections).
 *
 * <p>For JUnit Jupiter there is {@link dev.pltrack.testkit.FakePromptLayerExtension}, for AssertJ
 * {@link dev.pltrack.testkit.PromptLayerAssertions}; both libraries are optional dependencies that
 * a test suite brings itself. The module deliberately does not depend on {@code pltrack-core}, so
 * that it can test any client, including pltrack's own.
 */
package dev.pltrack.testkit;
