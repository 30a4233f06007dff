package dev.pltrack.client;

import feign.AsyncClient;
import feign.Request;
import feign.Response;
import java.io.Closeable;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;

/**
 * pltrack's transport: Feign's {@link AsyncClient} on the JDK's {@code java.net.http} client. No
 * thread waits for an answer: many requests are in flight at once, multiplexed over HTTP/2 where the
 * server offers it (the real API, over TLS), on pooled keep-alive connections on HTTP/1.1.
 *
 * <p>Two things the JDK client does not do by itself, done here:
 * <ul>
 *   <li>A whole-exchange deadline. The JDK's request timeout ends when the headers arrive, so a
 *       server that stalls or trickles the body could hold a call for ever. Every exchange here
 *       ends within {@code connect-timeout + read-timeout}, body included; at the deadline the
 *       exchange is cancelled (which closes its connection) and fails as a timeout.</li>
 *   <li>A bounded body: at most {@value #MAX_BODY_BYTES} bytes of an answer are read.</li>
 * </ul>
 * The JVM's proxy settings ({@code https.proxyHost}, {@code http.nonProxyHosts}, ...) are honoured
 * through {@link ProxySelector#getDefault()}. Redirects are never followed (they would carry the key).
 *
 * <p>Selected by {@link HttpTransport#JDK}. {@link #close()} ends its threads (the JDK 17 client
 * itself has no close; its selector thread ends when the client is collected).
 */
final class JdkAsyncTransport implements AsyncClient<Object>, Closeable {

    /** Answers are a few hundred bytes; more than this is never read. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final HttpClient http;
    private final ThreadPoolExecutor completions;
    private final ExchangeDeadlines deadlines;
    private final long deadlineMillis;
    private final boolean multiplexed;
    /** The exchange that opens the HTTP/2 connection while others wait for it; null when none is. */
    private final AtomicReference<CompletableFuture<Void>> opening = new AtomicReference<>();
    private volatile boolean connectionOpen;

    /** @param sslContext the TLS set-up, or {@code null} for the JVM's default */
    JdkAsyncTransport(PromptLayerConfig config, SSLContext sslContext) {
        int id = CLIENTS.incrementAndGet();
        this.completions = completionExecutor(id);
        this.deadlines = new ExchangeDeadlines("pltrack-http-" + id + "-deadlines");
        boolean tls = config.baseUrl().getScheme().equalsIgnoreCase("https");
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(tls ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(completions);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        ProxySelector proxies = ProxySelector.getDefault();
        if (proxies != null) {
            builder.proxy(proxies);
        }
        this.http = builder.build();
        this.multiplexed = tls;
        this.deadlineMillis = Math.addExact(config.connectTimeout().toMillis(), config.readTimeout().toMillis());
    }

    /**
     * Sends at once, except while an HTTP/2 connection is being opened: the JDK client would open a
     * connection of its own for every request started before the first one is up (64 TLS handshakes
     * for a window of 64), so requests wait for the first exchange and then share its connection.
     */
    @Override
    public CompletableFuture<Response> execute(Request request, Request.Options options, Optional<Object> context) {
        if (!multiplexed || connectionOpen) {
            return send(request, options);
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> underWay = opening.compareAndExchange(null, mine);
        if (underWay != null) {
            return underWay.thenCompose(opened -> execute(request, options, context));
        }
        CompletableFuture<Response> first = send(request, options);
        first.whenComplete((response, failure) -> {
            connectionOpen = failure == null;
            opening.set(null);
            mine.complete(null);
        });
        return first;
    }

    private CompletableFuture<Response> send(Request request, Request.Options options) {
        HttpRequest httpRequest;
        try {
            httpRequest = toHttpRequest(request, options);
        } catch (IllegalArgumentException refused) {
            // The JDK's message quotes the offending header value, which may be the key: never keep it.
            return CompletableFuture.failedFuture(new IOException(
                    "the HTTP client refused the request (" + refused.getClass().getSimpleName() + ")"));
        }
        CompletableFuture<Response> answer = new CompletableFuture<>();
        // The answer completes where its body was read, on this transport's executor. The future that
        // sendAsync returns completes later, on a thread of the JDK's choosing: with fewer than three
        // cores that is a new thread per response (HttpClientImpl hops to CompletableFuture's default
        // executor), so it is used for failures only.
        HttpResponse.BodyHandler<byte[]> handler = info -> new BoundedBodySubscriber(MAX_BODY_BYTES,
                body -> answer.complete(toFeignResponse(request, info, body)));
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(httpRequest, handler);
        ScheduledFuture<?> deadline;
        try {
            deadline = deadlines.schedule(() -> {
                if (answer.completeExceptionally(new HttpTimeoutException("no complete answer within "
                        + deadlineMillis + " ms (connect-timeout + read-timeout, body included)"))) {
                    exchange.cancel(true);
                }
            }, deadlineMillis);
        } catch (RejectedExecutionException closed) {
            exchange.cancel(true);
            return CompletableFuture.failedFuture(new IOException("the HTTP transport is closed"));
        }
        answer.whenComplete((response, failure) -> deadline.cancel(false));
        exchange.whenComplete((response, failure) -> {
            if (failure != null) {
                // The connection may be gone: the next burst waits for a new one again.
                connectionOpen = false;
                answer.completeExceptionally(unwrap(failure));
            }
        });
        return answer;
    }

    private static HttpRequest toHttpRequest(Request request, Request.Options options) {
        byte[] body = request.body();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(Duration.ofMillis(options.readTimeoutMillis()))
                .method(request.httpMethod().name(), body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            if (!RESTRICTED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                for (String value : header.getValue()) {
                    builder.header(header.getKey(), value);
                }
            }
        }
        return builder.build();
    }

    private static Response toFeignResponse(Request request, HttpResponse.ResponseInfo info, byte[] body) {
        Map<String, Collection<String>> headers = new LinkedHashMap<>();
        info.headers().map().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        return Response.builder()
                .status(info.statusCode())
                .request(request)
                .protocolVersion(info.version() == HttpClient.Version.HTTP_2
                        ? Request.ProtocolVersion.HTTP_2 : Request.ProtocolVersion.HTTP_1_1)
                .headers(headers)
                .body(body)
                .build();
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /**
     * Where the JDK client runs completions (and pltrack's handling of each answer): a couple of
     * daemon threads that end when idle, never a thread per request.
     */
    private static ThreadPoolExecutor completionExecutor(int id) {
        AtomicInteger threads = new AtomicInteger();
        int size = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ThreadPoolExecutor executor = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "pltrack-http-" + id + "-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** Ends this transport's threads; exchanges still in flight fail. */
    @Override
    public void close() {
        deadlines.close();
        completions.shutdownNow();
    }
}
