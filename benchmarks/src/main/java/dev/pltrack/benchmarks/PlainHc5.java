package dev.pltrack.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;

/**
 * {@link DeliveryHarness}'s {@code plain-hc5} mode: a bare Apache HttpClient 5 async client with
 * {@code in-flight} requests at once and a pool of as many connections, no pltrack code; the
 * baseline for the engine on its default transport.
 */
final class PlainHc5 {

    private PlainHc5() {
    }

    static List<DeliveryHarness.Round> rounds(String baseUrl, int tracks, int warmup, int rounds, int inFlight)
            throws Exception {
        CloseableHttpAsyncClient http = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(inFlight).setMaxConnTotal(inFlight).build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling()
                .build();
        http.start();
        String uri = baseUrl + "/rest/track-metadata";
        Semaphore window = new Semaphore(inFlight);
        List<DeliveryHarness.Round> results = new ArrayList<>();
        try {
            for (int round = 0; round < warmup + rounds; round++) {
                long cpuBefore = DeliveryHarness.processCpuNanos();
                long start = System.nanoTime();
                List<CompletableFuture<?>> answers = new ArrayList<>(tracks);
                for (int i = 0; i < tracks; i++) {
                    window.acquire();
                    SimpleHttpRequest request = SimpleRequestBuilder.post(uri)
                            .addHeader("X-API-KEY", DeliveryHarness.apiKey())
                            .setBody(DeliveryHarness.body(), ContentType.APPLICATION_JSON)
                            .build();
                    CompletableFuture<SimpleHttpResponse> answer = new CompletableFuture<>();
                    http.execute(request, new FutureCallback<>() {
                        @Override
                        public void completed(SimpleHttpResponse response) {
                            window.release();
                            answer.complete(response);
                        }

                        @Override
                        public void failed(Exception failure) {
                            window.release();
                            answer.completeExceptionally(failure);
                        }

                        @Override
                        public void cancelled() {
                            failed(new java.util.concurrent.CancellationException());
                        }
                    });
                    answers.add(answer);
                }
                CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
                results.add(DeliveryHarness.round(tracks, start, cpuBefore));
            }
        } finally {
            http.close(CloseMode.GRACEFUL);
        }
        return results.subList(warmup, results.size());
    }
}
