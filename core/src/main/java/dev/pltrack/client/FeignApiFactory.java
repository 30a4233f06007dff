package dev.pltrack.client;

import feign.AsyncClient;
import feign.AsyncFeign;
import feign.Client;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.RequestInterceptor;
import java.io.Closeable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.LoggerFactory;

/**
 * Assembles the asynchronous Feign proxy for {@link PromptLayerApi}: JSON encoding, headers,
 * timeouts, error mapping and redacted logging. Feign never retries by itself: retry decisions belong
 * to {@link RetryPolicy}, so that the delivery engine can schedule them without blocking a thread.
 */
final class FeignApiFactory {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(FeignApiFactory.class);
    private static final AtomicInteger BLOCKING_TRANSPORTS = new AtomicInteger();

    private FeignApiFactory() {
    }

    /**
     * What a {@link PromptLayerClient.Builder} adds to the configuration.
     *
     * @param httpLog where wire-log lines go, or {@code null} for DEBUG on {@code dev.pltrack.client.http}
     */
    record Parts(Clock clock, String userAgent, List<RequestInterceptor> interceptors, Consumer<String> httpLog) {
    }

    static PromptLayerApi create(
            PromptLayerConfig config, AsyncClient<Object> transport, SecretRedactor redactor, Parts parts) {
        return AsyncFeign.builder()
                .client(transport)
                .encoder(new RequestBodyEncoder())
                .decoder(new AnswerDecoder())
                .errorDecoder(new StatusErrorDecoder(redactor, parts.clock()))
                .retryer(Retryer.NEVER_RETRY)
                .options(options(config))
                .requestInterceptors(interceptors(config, parts))
                .logger(new RedactingHttpLogger(redactor, parts.httpLog()))
                .logLevel(Logger.Level.valueOf(config.httpLogging().name()))
                .target(PromptLayerApi.class, config.baseUrl().toString());
    }

    /** pltrack's headers first, then the application's (Feign's requestInterceptors replaces the list). */
    private static List<RequestInterceptor> interceptors(PromptLayerConfig config, Parts parts) {
        List<RequestInterceptor> all = new ArrayList<>();
        all.add(new ClientHeaders(config.apiKey(), parts.userAgent()));
        all.addAll(parts.interceptors());
        return all;
    }

    /** Redirects are never followed: they would carry the API key to wherever they point. */
    static Request.Options options(PromptLayerConfig config) {
        return new Request.Options(
                config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                config.readTimeout().toMillis(), TimeUnit.MILLISECONDS,
                false);
    }

    /**
     * One of pltrack's own asynchronous transports. Apache HC5 logs header values (the key) when its
     * header or frame-payload logger is at DEBUG: then the JDK transport is used instead, with a warning.
     */
    static AsyncClient<Object> transport(HttpTransport kind, PromptLayerConfig config, SSLContext sslContext) {
        if (kind == HttpTransport.APACHE_ASYNC) {
            if (!ApacheAsyncTransport.wouldLogTheKey()) {
                return new ApacheAsyncTransport(config, sslContext);
            }
            LOG.warn("org.apache.hc.client5.http.headers or org.apache.hc.client5.http2.frame.payload logs at DEBUG,"
                    + " which would print the PromptLayer API key: pltrack sends with the JDK's HTTP client instead");
        }
        return new JdkAsyncTransport(config, sslContext);
    }

    /**
     * A user's blocking Feign {@link Client} (OkHttp, Apache HC5...) run on daemon threads of its
     * own: such a transport holds a thread per request in flight, which is the price of choosing it.
     */
    static AsyncClient<Object> blocking(Client client) {
        int id = BLOCKING_TRANSPORTS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "pltrack-transport-" + id + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return new BlockingTransport(client, executor);
    }

    /** A blocking client on its own threads; {@link #close()} lets them end (the client is the user's). */
    private static final class BlockingTransport extends AsyncClient.Default<Object> implements Closeable {
        private final ExecutorService executor;

        BlockingTransport(Client client, ExecutorService executor) {
            super(client, executor);
            this.executor = executor;
        }

        @Override
        public void close() {
            executor.shutdown();
        }
    }
}
