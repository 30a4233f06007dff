package dev.pltrack.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A deliberately tiny HTTP/1.1 keep-alive server that answers every request with PromptLayer's
 * success body. It does no JSON parsing and no routing, so that benchmarks measure the client,
 * not the server (WireMock is far slower than any client under test). One thread per connection:
 * pooled clients open few connections. Binds to 127.0.0.1 only.
 *
 * <p>Kept cheap per request so that it is never the bottleneck (its ceiling is measured beside the
 * clients in {@link EngineThroughputBenchmark}): request heads are parsed from the connection's own
 * byte buffer without allocating, and answers are written to an output buffer that is flushed only
 * when the server is about to block for more input, so that pipelined requests are answered with
 * one write and a client waiting for its answer gets it at once.
 */
public final class MinimalPromptLayerServer implements AutoCloseable {

    // One body for every endpoint: "success" for the track family, "id" for log-request (which the
    // client reads from any 2xx).
    private static final String BODY = "{\"success\":true,\"message\":\"Metadata tracked successfully\",\"id\":1}";
    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: " + BODY.length() + "\r\n"
            + "\r\n"
            + BODY).getBytes(StandardCharsets.US_ASCII);
    private static final String LIMITED = "{\"success\":false,\"message\":\"rate limited\"}";
    private static final byte[] RATE_LIMITED = ("HTTP/1.1 429 Too Many Requests\r\n"
            + "Content-Type: application/json\r\n"
            + "Retry-After: 1\r\n"
            + "Content-Length: " + LIMITED.length() + "\r\n"
            + "\r\n"
            + LIMITED).getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRANSFER_ENCODING = "transfer-encoding:".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_LINE = 16 * 1024;

    private final ServerSocket serverSocket;
    private final LongAdder served = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final AtomicLong requests = new AtomicLong();
    private final long answerDelayMillis;
    private final long stormEndsNanos;
    private final int stormEvery;
    private volatile boolean running = true;

    public MinimalPromptLayerServer() throws IOException {
        this(Duration.ZERO, Duration.ZERO, 0);
    }

    /**
     * @param answerDelay how long each answer is held, as a WAN round trip would (zero: at once)
     * @param storm       for how long after start every {@code stormEvery}-th request gets
     *                    {@code 429} with {@code Retry-After: 1}
     */
    public MinimalPromptLayerServer(Duration answerDelay, Duration storm, int stormEvery) throws IOException {
        this.answerDelayMillis = answerDelay.toMillis();
        this.stormEndsNanos = System.nanoTime() + storm.toNanos();
        this.stormEvery = stormEvery;
        serverSocket = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "minimal-pl-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Requests answered so far. */
    public long served() {
        return served.sum();
    }

    /** Requests answered with 429 so far. */
    public long rateLimited() {
        return rateLimited.sum();
    }

    /**
     * Runs a server for a benchmark in another process, so that the client's CPU time is measured
     * alone: {@code --delay-ms N}, {@code --storm-seconds S --storm-every K}. Prints {@code port=P},
     * serves until its standard input closes, then prints what it served.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        try (MinimalPromptLayerServer server = new MinimalPromptLayerServer(
                Duration.ofMillis(Long.parseLong(options.getOrDefault("--delay-ms", "0"))),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("--storm-seconds", "0"))),
                Integer.parseInt(options.getOrDefault("--storm-every", "0")))) {
            System.out.println("port=" + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Serve until the benchmark closes our standard input.
            }
            System.out.println("served=" + server.served() + " rate-limited=" + server.rateLimited());
        }
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                Thread worker = new Thread(() -> serve(socket), "minimal-pl-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                if (running) {
                    System.err.println("minimal server: accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            new Connection(in, out).run();
        } catch (IOException closed) {
            // The client closed its connection (or sent garbage): nothing to do.
        }
    }

    /** One connection's buffers and its request loop; used by one thread only. */
    private final class Connection {
        private final InputStream in;
        private final OutputStream out;
        private final byte[] input = new byte[32 * 1024];
        private int position;
        private int limit;
        private final byte[] line = new byte[MAX_LINE];
        private int lineLength;
        private final byte[] output = new byte[RESPONSE.length * 64];
        private int outputLength;

        Connection(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        void run() throws IOException {
            while (running) {
                if (!readLine()) {
                    flush();
                    return; // end of stream between requests
                }
                if (lineLength == 0) {
                    continue; // a stray CRLF between requests is allowed
                }
                long contentLength = 0;
                boolean chunked = false;
                while (true) {
                    if (!readLine()) {
                        throw new IOException("connection closed inside a request head");
                    }
                    if (lineLength == 0) {
                        break;
                    }
                    if (startsWithIgnoringCase(CONTENT_LENGTH)) {
                        contentLength = parseDecimal(CONTENT_LENGTH.length);
                    } else if (startsWithIgnoringCase(TRANSFER_ENCODING)) {
                        chunked = new String(line, 0, lineLength, StandardCharsets.US_ASCII)
                                .toLowerCase(Locale.ROOT).contains("chunked");
                    }
                }
                if (chunked) {
                    skipChunkedBody();
                } else {
                    skip(contentLength);
                }
                answer();
            }
        }

        private void answer() throws IOException {
            if (answerDelayMillis > 0) {
                flush();
                try {
                    Thread.sleep(answerDelayMillis);
                } catch (InterruptedException e) {
                    throw new IOException("interrupted", e);
                }
            }
            byte[] response = RESPONSE;
            if (stormEvery > 0 && requests.incrementAndGet() % stormEvery == 0 && System.nanoTime() - stormEndsNanos < 0) {
                response = RATE_LIMITED;
                rateLimited.increment();
            } else {
                served.increment();
            }
            if (outputLength + response.length > output.length) {
                flush();
            }
            System.arraycopy(response, 0, output, outputLength, response.length);
            outputLength += response.length;
            if (answerDelayMillis > 0) {
                flush();
            }
        }

        private void flush() throws IOException {
            if (outputLength > 0) {
                out.write(output, 0, outputLength);
                out.flush();
                outputLength = 0;
            }
        }

        /** More input; answers waiting in the output buffer go out first, since this may block. */
        private boolean fill() throws IOException {
            if (position < limit) {
                return true;
            }
            flush();
            int read = in.read(input, 0, input.length);
            if (read < 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        }

        /** One CRLF- (or LF-) terminated line into {@link #line}, without its terminator; false at end of stream. */
        private boolean readLine() throws IOException {
            lineLength = 0;
            boolean any = false;
            while (fill()) {
                any = true;
                while (position < limit) {
                    byte b = input[position++];
                    if (b == '\n') {
                        if (lineLength > 0 && line[lineLength - 1] == '\r') {
                            lineLength--;
                        }
                        return true;
                    }
                    if (lineLength == MAX_LINE) {
                        throw new IOException("request line or header longer than " + MAX_LINE + " bytes");
                    }
                    line[lineLength++] = b;
                }
            }
            if (any && lineLength > 0) {
                return true; // a last line without terminator
            }
            return false;
        }

        private boolean startsWithIgnoringCase(byte[] lowerPrefix) {
            if (lineLength < lowerPrefix.length) {
                return false;
            }
            for (int i = 0; i < lowerPrefix.length; i++) {
                byte b = line[i];
                if (b >= 'A' && b <= 'Z') {
                    b += 'a' - 'A';
                }
                if (b != lowerPrefix[i]) {
                    return false;
                }
            }
            return true;
        }

        private long parseDecimal(int from) throws IOException {
            return parse(from, 10);
        }

        private long parse(int from, int radix) throws IOException {
            int i = from;
            while (i < lineLength && (line[i] == ' ' || line[i] == '\t')) {
                i++;
            }
            long value = 0;
            int digits = 0;
            for (; i < lineLength; i++) {
                int digit = Character.digit(line[i], radix);
                if (digit < 0) {
                    break;
                }
                value = value * radix + digit;
                digits++;
            }
            if (digits == 0) {
                throw new IOException("not a number: " + new String(line, 0, lineLength, StandardCharsets.US_ASCII));
            }
            return value;
        }

        private void skip(long bytes) throws IOException {
            while (bytes > 0) {
                if (!fill()) {
                    throw new IOException("connection closed inside a request body");
                }
                int step = (int) Math.min(bytes, limit - position);
                position += step;
                bytes -= step;
            }
        }

        private void skipChunkedBody() throws IOException {
            while (true) {
                if (!readLine()) {
                    throw new IOException("connection closed inside a chunked body");
                }
                long size = parse(0, 16); // stops at ';' of a chunk extension
                if (size == 0) {
                    do { // trailers, up to the empty line
                        if (!readLine()) {
                            return;
                        }
                    } while (lineLength > 0);
                    return;
                }
                skip(size);
                readLine();
            }
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        serverSocket.close();
    }

    @Override
    public String toString() {
        return "MinimalPromptLayerServer{" + baseUrl() + ", served=" + served() + "}";
    }
}
