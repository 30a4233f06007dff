package dev.pltrack.client;

import feign.Request;
import feign.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.HttpVersion;
import org.apache.hc.core5.http.ProtocolVersion;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * One exchange on {@link ApacheAsyncTransport}, from HC5's callbacks to Feign's answer: reads at most
 * {@code limit} bytes of the body, completes the answer on the I/O thread that read its end (once the
 * connection is back in the pool, so that the next request may take it), and ends the exchange at
 * its deadline (as the {@link Runnable} the deadline timer runs). One object per exchange.
 */
final class ApacheExchange implements AsyncResponseConsumer<Void>, FutureCallback<Void>, Runnable {

    /** Thrown to stop reading a body at the limit: HC5 then closes the connection (or resets the stream). */
    private static final class BodyCut extends IOException {
        private static final long serialVersionUID = 1L;

        BodyCut() {
            super("answer body cut at the read limit");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private static final BodyCut CUT = new BodyCut();

    private final Request request;
    private final int limit;
    private final long deadlineMillis;
    private final Runnable onFailure;
    private final HttpClientContext context = HttpClientContext.create();
    private final CompletableFuture<Response> answer = new CompletableFuture<>();
    private volatile ScheduledFuture<?> deadline;
    private volatile Future<?> running;
    private int status;
    private Map<String, Collection<String>> headers;
    private Request.ProtocolVersion protocol;
    private byte[] bytes;
    private int length;
    /** The answer read whole (or cut), waiting for HC5 to give the connection back. */
    private Response read;
    private FutureCallback<Void> resultCallback;

    /** @param onFailure run when the exchange fails (the connection may be gone) */
    ApacheExchange(Request request, int limit, long deadlineMillis, Runnable onFailure) {
        this.request = request;
        this.limit = limit;
        this.deadlineMillis = deadlineMillis;
        this.onFailure = onFailure;
    }

    HttpClientContext context() {
        return context;
    }

    CompletableFuture<Response> answer() {
        return answer;
    }

    void deadline(ScheduledFuture<?> deadline) {
        this.deadline = deadline;
    }

    /** The exchange HC5 runs, cancelled at the deadline. */
    void started(Future<?> exchange) {
        this.running = exchange;
        if (answer.isCompletedExceptionally()) {
            exchange.cancel(true);
        }
    }

    /** The deadline: fails the answer as a timeout and cancels the exchange, which closes its connection. */
    @Override
    public void run() {
        if (answer.completeExceptionally(new HttpTimeoutException("no complete answer within "
                + deadlineMillis + " ms (connect-timeout + read-timeout, body included)"))) {
            onFailure.run();
            Future<?> exchange = running;
            if (exchange != null) {
                exchange.cancel(true);
            }
        }
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext httpContext,
            FutureCallback<Void> resultCallback) throws HttpException, IOException {
        if (context.getAttribute(ApacheAsyncTransport.REACHED_TARGET) == null) {
            throw new IOException("the proxy refused the tunnel to " + URI.create(request.url()).getAuthority()
                    + " (it answered CONNECT with " + response.getCode() + ")");
        }
        status = response.getCode();
        headers = headers(response.getHeaders());
        ProtocolVersion version = response.getVersion() != null ? response.getVersion() : context.getProtocolVersion();
        protocol = version != null && version.greaterEquals(HttpVersion.HTTP_2)
                ? Request.ProtocolVersion.HTTP_2 : Request.ProtocolVersion.HTTP_1_1;
        this.resultCallback = resultCallback;
        if (entity == null) {
            read = response();
            resultCallback.completed(null);
        } else {
            bytes = new byte[512];
        }
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext httpContext) {
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        capacityChannel.update(limit);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        int take = Math.min(src.remaining(), limit - length);
        if (length + take > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(bytes.length * 2, length + take)));
        }
        src.get(bytes, length, take);
        length += take;
        if (length == limit) {
            // Enough: the answer is what was read; the rest is never read.
            complete(response());
            throw CUT;
        }
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        read = response();
        // Not earlier: a done future could no longer be cancelled at the deadline.
        resultCallback.completed(null);
    }

    /** HC5 calls this after it gave the connection back (or discarded it). */
    @Override
    public void releaseResources() {
        Response whole = read;
        if (whole != null) {
            read = null;
            complete(whole);
        }
    }

    @Override
    public void completed(Void result) {
        // The answer completes in releaseResources(), once the connection is free.
    }

    @Override
    public void failed(Exception cause) {
        if (cause == CUT) {
            return;
        }
        if (answer.completeExceptionally(safe(cause))) {
            cancelDeadline();
            onFailure.run();
        }
    }

    @Override
    public void cancelled() {
        failed(new IOException("the exchange was cancelled (the HTTP transport closed)"));
    }

    private void complete(Response response) {
        if (answer.complete(response)) {
            cancelDeadline();
        }
    }

    private void cancelDeadline() {
        ScheduledFuture<?> timer = deadline;
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private Response response() {
        return Response.builder()
                .status(status)
                .request(request)
                .protocolVersion(protocol)
                .headers(headers)
                .body(bytes == null ? new byte[0] : Arrays.copyOf(bytes, length))
                .build();
    }

    private static Map<String, Collection<String>> headers(Header[] all) {
        Map<String, Collection<String>> headers = new LinkedHashMap<>();
        for (Header header : all) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>(1)).add(header.getValue());
        }
        return headers;
    }

    /**
     * IOExceptions pass (they name a connection, not a header); any other failure is named by its
     * class only: HC5's protocol errors may quote a header, and the key is one.
     */
    private static Exception safe(Exception cause) {
        if (cause instanceof IOException) {
            return cause;
        }
        return new IOException("the HTTP exchange failed (" + cause.getClass().getSimpleName() + ")");
    }
}
