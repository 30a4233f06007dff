package dev.pltrack.client;

import feign.AsyncClient;
import feign.Request;
import feign.Response;
import java.io.Closeable;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.DefaultThreadFactory;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityProducer;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pltrack's default transport: Feign's {@link AsyncClient} on Apache HttpClient 5's asynchronous
 * client. No thread waits for an answer; a couple of I/O threads ({@code pltrack-http-N-*}, daemon)
 * write every request and read every answer, and complete it where they read it, with no hop to
 * another thread. HTTP/2 is negotiated by ALPN over TLS and its exchanges multiplexed on one
 * connection; plain {@code http://} uses HTTP/1.1 keep-alive connections, as many as requests in
 * flight.
 *
 * <p>The guarantees of {@link JdkAsyncTransport}, kept here:
 * <ul>
 *   <li>Every exchange ends within {@code connect-timeout + read-timeout}, body included (HC5's
 *       timeouts are per read, so a trickling server could hold an exchange for ever): at the
 *       deadline the exchange is cancelled, which closes its connection (or resets its HTTP/2
 *       stream), and fails as a timeout.</li>
 *   <li>At most {@value JdkAsyncTransport#MAX_BODY_BYTES} bytes of an answer are read.</li>
 *   <li>The JVM's proxy settings through {@link ProxySelector#getDefault()}, HTTPS by CONNECT. A
 *       proxy's refusal of the tunnel is a transport failure, not an answer of PromptLayer's.</li>
 *   <li>No redirects, cookies, automatic retries (a retry is the {@link RetryPolicy}'s decision),
 *       authentication or compression.</li>
 *   <li>No message of HC5's that may quote a header (the key is one) is passed on; HC5's wire log,
 *       which would show the body (the key is in it too), is never installed. Its header log is, when
 *       {@code org.apache.hc.client5.http.headers} logs at DEBUG: then {@link #wouldLogTheKey()} is
 *       true and pltrack falls back to the JDK transport.</li>
 * </ul>
 * Built on first use; {@link #close()} stops its threads and closes its connections.
 */
final class ApacheAsyncTransport implements AsyncClient<Object>, Closeable {

    /**
     * The pool's bound per host: at least any window {@code max-in-flight} allows (1,024). The pool
     * opens connections only for requests in flight, so the engine's window (64 by default) is what
     * sizes it in practice.
     */
    static final int MAX_CONNECTIONS = 1_024;
    /** Where the answer reached the target, not a proxy that refused the tunnel. */
    static final String REACHED_TARGET = "dev.pltrack.reached-target";
    /** HC5 loggers that print header values or frame payloads (the key) at DEBUG. */
    private static final String[] KEY_LOGGERS = {
        "org.apache.hc.client5.http.headers", "org.apache.hc.client5.http2.frame.payload"};
    /** Headers HC5 sets itself and refuses (or, over HTTP/2, fails on) from callers. */
    private static final String[] OWN_HEADERS = {
        "content-length", "transfer-encoding", "host", "connection", "expect", "upgrade", "keep-alive",
        "proxy-connection", "te"};
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final CloseableHttpAsyncClient http;
    private final ExchangeDeadlines deadlines;
    private final long deadlineMillis;
    private final boolean multiplexed;
    /** The exchange that opens the HTTP/2 connection while others wait for it; null when none is. */
    private final AtomicReference<CompletableFuture<Void>> opening = new AtomicReference<>();
    private volatile boolean connectionOpen;
    /** After a failure the connection may be gone: the next burst waits for a new one again. */
    private final Runnable connectionLost = () -> connectionOpen = false;

    /** @param sslContext the TLS set-up, or {@code null} for the JVM's default */
    ApacheAsyncTransport(PromptLayerConfig config, SSLContext sslContext) {
        int id = CLIENTS.incrementAndGet();
        boolean tls = config.baseUrl().getScheme().equalsIgnoreCase("https");
        this.multiplexed = tls;
        this.deadlineMillis = Math.addExact(config.connectTimeout().toMillis(), config.readTimeout().toMillis());
        this.deadlines = new ExchangeDeadlines("pltrack-http-" + id + "-deadlines");
        Timeout connect = Timeout.ofMilliseconds(config.connectTimeout().toMillis());
        Timeout read = Timeout.ofMilliseconds(config.readTimeout().toMillis());
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(tls(sslContext)).buildAsync())
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(read)
                                .build())
                        .setDefaultTlsConfig(TlsConfig.custom()
                                .setVersionPolicy(tls ? HttpVersionPolicy.NEGOTIATE : HttpVersionPolicy.FORCE_HTTP_1)
                                .setHandshakeTimeout(connect)
                                .build())
                        // Exchanges share a live HTTP/2 connection rather than each leasing one.
                        .setMessageMultiplexing(true)
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())))
                        .setSoTimeout(read)
                        .build())
                .setThreadFactory(new DefaultThreadFactory("pltrack-http-" + id, true))
                // HC5's default decorator is its wire log, which would print the body and the key in it.
                .setIoSessionDecorator(session -> session)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setAuthenticationEnabled(false)
                        .setContentCompressionEnabled(false)
                        .setExpectContinueEnabled(false)
                        .setProtocolUpgradeEnabled(false)
                        .setHardCancellationEnabled(true)
                        .setConnectionRequestTimeout(Timeout.ofMilliseconds(deadlineMillis))
                        .build())
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableAutomaticRetries()
                // Connections are not bound to a TLS principal: every exchange may reuse any of them.
                .disableConnectionState()
                // HC5 5.6 decompresses answers in a chain element of its own; before 5.6 there is none.
                .replaceExecInterceptor(ChainElement.COMPRESS.name(), passThrough())
                .addExecInterceptorLast("pltrack-reached-target", reachedTarget());
        ProxySelector proxies = ProxySelector.getDefault();
        if (proxies != null) {
            builder.setProxySelector(proxies);
        }
        this.http = builder.build();
        http.start();
    }

    /** True when HC5 would print header values (the key among them) to a log at its current levels. */
    static boolean wouldLogTheKey() {
        for (String name : KEY_LOGGERS) {
            Logger logger = LoggerFactory.getLogger(name);
            if (logger.isDebugEnabled()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sends at once, except while an HTTP/2 connection is being opened: HC5 would open a connection
     * of its own for every request started before the first one is up (64 TLS handshakes for a
     * window of 64), so requests wait for the first exchange and then share its connection.
     */
    @Override
    public CompletableFuture<Response> execute(Request request, Request.Options options, Optional<Object> context) {
        if (!multiplexed || connectionOpen) {
            return send(request);
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> underWay = opening.compareAndExchange(null, mine);
        if (underWay != null) {
            return underWay.thenCompose(opened -> execute(request, options, context));
        }
        CompletableFuture<Response> first = send(request);
        first.whenComplete((response, failure) -> {
            connectionOpen = failure == null;
            opening.set(null);
            mine.complete(null);
        });
        return first;
    }

    private CompletableFuture<Response> send(Request request) {
        ApacheExchange exchange = new ApacheExchange(request, JdkAsyncTransport.MAX_BODY_BYTES, deadlineMillis,
                connectionLost);
        BasicRequestProducer producer;
        try {
            producer = toProducer(request);
        } catch (RuntimeException refused) {
            // A message about a refused header may quote its value, which may be the key: never keep it.
            return CompletableFuture.failedFuture(refusal(refused));
        }
        try {
            exchange.deadline(deadlines.schedule(exchange, deadlineMillis));
        } catch (RejectedExecutionException closed) {
            return CompletableFuture.failedFuture(new IOException("the HTTP transport is closed"));
        }
        try {
            exchange.started(http.execute(producer, exchange, null, exchange.context(), exchange));
        } catch (IllegalStateException closed) {
            // CancellationException among them: HC5's answer to execute() once it is closed.
            exchange.failed(new IOException("the HTTP transport is closed"));
        } catch (RuntimeException refused) {
            exchange.failed(refusal(refused));
        }
        return exchange.answer();
    }

    private static IOException refusal(RuntimeException refused) {
        return new IOException("the HTTP client refused the request (" + refused.getClass().getSimpleName() + ")");
    }

    private static BasicRequestProducer toProducer(Request request) {
        BasicHttpRequest httpRequest = new BasicHttpRequest(request.httpMethod().name(), URI.create(request.url()));
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            String name = header.getKey();
            if (!ownHeader(name)) {
                for (String value : header.getValue()) {
                    httpRequest.addHeader(name, value);
                }
            }
        }
        byte[] body = request.body();
        return new BasicRequestProducer(httpRequest, body == null ? null : new BasicAsyncEntityProducer(body, null));
    }

    private static boolean ownHeader(String name) {
        for (String own : OWN_HEADERS) {
            if (own.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static SSLContext tls(SSLContext configured) {
        if (configured != null) {
            return configured;
        }
        try {
            // As the JDK client: the JVM's default, javax.net.ssl.* properties included.
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no default TLS context", e);
        }
    }

    private static AsyncExecChainHandler passThrough() {
        return (request, entityProducer, scope, chain, callback) -> chain.proceed(request, entityProducer, scope, callback);
    }

    /**
     * Marks the exchange as sent to its target: HC5 hands a proxy's refusal of a CONNECT to the
     * response consumer as if it were the answer, without passing here.
     */
    private static AsyncExecChainHandler reachedTarget() {
        return (request, entityProducer, scope, chain, callback) -> {
            scope.clientContext.setAttribute(REACHED_TARGET, Boolean.TRUE);
            chain.proceed(request, entityProducer, scope, callback);
        };
    }

    /** Stops the I/O threads and closes every connection; exchanges in flight fail. */
    @Override
    public void close() {
        deadlines.close();
        // Gracefully first: closing the selectors under running I/O threads makes HC5 log errors.
        http.initiateShutdown();
        try {
            http.awaitShutdown(TimeValue.ofMilliseconds(500));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close(CloseMode.IMMEDIATE);
    }
}
