package dev.pltrack.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson.JacksonEncoder;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Assembles the Feign proxy for {@link TrackMetadataApi}: JSON encoding, headers, timeouts, error
 * mapping and redacted logging. Feign never retries by itself: retry decisions belong to
 * {@link RetryPolicy}, so that the delivery engine can schedule them without blocking a thread.
 */
final class FeignApiFactory {

    private FeignApiFactory() {
    }

    static TrackMetadataApi create(
            PromptLayerConfig config, Client transport, SecretRedactor redactor, Clock clock, String userAgent) {
        return Feign.builder()
                .client(transport)
                .encoder(new JacksonEncoder(new ObjectMapper()))
                .decoder(new TrackAnswerDecoder())
                .errorDecoder(new StatusErrorDecoder(redactor, clock))
                .retryer(Retryer.NEVER_RETRY)
                .options(options(config))
                .requestInterceptor(new ClientHeaders(config.apiKey(), userAgent))
                .logger(new RedactingHttpLogger(redactor))
                .logLevel(Logger.Level.valueOf(config.httpLogging().name()))
                .target(TrackMetadataApi.class, config.baseUrl().toString());
    }

    /** Redirects are never followed: they would carry the API key to wherever they point. */
    static Request.Options options(PromptLayerConfig config) {
        return new Request.Options(
                config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                config.readTimeout().toMillis(), TimeUnit.MILLISECONDS,
                false);
    }

    /**
     * The default transport: the JDK's {@link HttpClient} (pooled keep-alive connections, no extra
     * dependency), HTTP/2 over TLS and HTTP/1.1 on plain http, where an h2c upgrade buys nothing.
     */
    static Client jdkTransport(PromptLayerConfig config) {
        boolean tls = config.baseUrl().getScheme().equalsIgnoreCase("https");
        HttpClient httpClient = HttpClient.newBuilder()
                .version(tls ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new Http2Client(httpClient);
    }
}
