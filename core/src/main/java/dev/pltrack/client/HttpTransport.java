package dev.pltrack.client;

/**
 * Which of pltrack's own asynchronous HTTP transports a {@link PromptLayerClient} sends with
 * ({@link PromptLayerClient.Builder#httpTransport(HttpTransport)}). Both give the same guarantees:
 * every exchange ends within {@code connect-timeout + read-timeout}, the answer's body included; at
 * most 64 KB of an answer is read; the JVM's proxy settings are honoured; redirects, cookies and
 * automatic retries are off; HTTP/2 is negotiated by ALPN over TLS and multiplexed on one
 * connection; the API key never reaches an exception message or log line of theirs.
 */
public enum HttpTransport {

    /**
     * The default: Apache HttpClient 5's asynchronous client. Its I/O threads ({@code pltrack-http-*},
     * daemon, as many as cores up to 2) read every answer and complete it where they read it; against a
     * server that answers at once it costs a fraction of the JDK client's CPU per request.
     */
    APACHE_ASYNC,

    /**
     * The JDK's {@code java.net.http} client: no jar beyond the JDK's. On JDK 17 with 2 cores or fewer
     * the JDK client starts a thread per answer (see the README, "Transport"), which costs CPU.
     */
    JDK
}
