/**
 * A fake PromptLayer server for testing code that logs LLM calls and tracks them: {@code POST
 * /log-request}, {@code /rest/track-metadata}, {@code /rest/track-score} and {@code
 * /rest/track-prompt}.
 *
 * <p>Tests that mock the HTTP client prove little about a tracking client: timeouts, retries,
 * status handling and JSON encoding only show up over a real socket. {@link
 * dev.pltrack.testkit.FakePromptLayer} is a real HTTP server on {@code 127.0.0.1} that answers like
 * PromptLayer does (201 with a new request id for a log, 200 for a track, 400, 401, 422 naming
 * every schema violation, a plain-string chat message content among them), records every request
 * ({@link dev.pltrack.testkit.RecordedLog}, {@link dev.pltrack.testkit.RecordedTrack}, {@link
 * dev.pltrack.testkit.RecordedScore}, {@link dev.pltrack.testkit.RecordedPromptLink}), keeps per
 * request id what PromptLayer would hold ({@link dev.pltrack.testkit.RequestLog}: the log, its
 * metadata merged with later tracks, named scores, the prompt link), and can be told to misbehave
 * on any endpoint or on one ({@link dev.pltrack.testkit.Fault}: error statuses, rate limits, slow
 * answers, dropped connections).
 *
 * <p>For JUnit Jupiter there is {@link dev.pltrack.testkit.FakePromptLayerExtension}, for AssertJ
 * {@link dev.pltrack.testkit.PromptLayerAssertions}; both libraries are optional dependencies that
 * a test suite brings itself. The module deliberately does not depend on {@code pltrack-core}, so
 * that it can test any client, including pltrack's own.
 */
package dev.pltrack.testkit;
