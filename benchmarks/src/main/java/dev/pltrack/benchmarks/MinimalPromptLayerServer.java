package dev.pltrack.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deliberately tiny HTTP/1.1 keep-alive server that answers every request with PromptLayer's
 * success body. It does no JSON parsing and no routing, so that benchmarks measure the client,
 * not the server (WireMock is far slower than any client under test). One thread per connection:
 * pooled clients open few connections. Binds to 127.0.0.1 only.
 */
public final class MinimalPromptLayerServer implements AutoCloseable {

    private static final String BODY = "{\"success\":true,\"message\":\"Metadata tracked successfully\"}";
    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: " + BODY.length() + "\r\n"
            + "\r\n"
            + BODY).getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket serverSocket;
    private final AtomicLong served = new AtomicLong();
    private volatile boolean running = true;

    public MinimalPromptLayerServer() throws IOException {
        serverSocket = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "minimal-pl-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + serverSocket.getLocalPort();
    }

    public long served() {
        return served.get();
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
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = socket.getOutputStream()) {
            while (running) {
                RequestHead head = readHead(in);
                if (head == null) {
                    return;
                }
                if (head.chunked()) {
                    skipChunkedBody(in);
                } else {
                    in.skipNBytes(head.contentLength());
                }
                out.write(RESPONSE);
                out.flush();
                served.incrementAndGet();
            }
        } catch (IOException closed) {
            // The client closed its connection: nothing to do.
        }
    }

    /** What the server needs from a request head: how its body is framed. */
    private record RequestHead(long contentLength, boolean chunked) {
    }

    /** Reads one request head; null at end of stream. */
    private static RequestHead readHead(InputStream in) throws IOException {
        long contentLength = 0;
        boolean chunked = false;
        String line = readLine(in);
        if (line == null) {
            return null;
        }
        while (line != null && !line.isEmpty()) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                contentLength = Long.parseLong(line.substring("content-length:".length()).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
            line = readLine(in);
        }
        return new RequestHead(contentLength, chunked);
    }

    private static void skipChunkedBody(InputStream in) throws IOException {
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new IOException("connection closed inside a chunked body");
            }
            int extension = sizeLine.indexOf(';');
            long size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).strip(), 16);
            if (size == 0) {
                while (true) { // trailers, up to the empty line
                    String trailer = readLine(in);
                    if (trailer == null || trailer.isEmpty()) {
                        return;
                    }
                }
            }
            in.skipNBytes(size);
            readLine(in);
        }
    }

    /** One CRLF-terminated line without its terminator; null at end of stream. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
                return line.substring(0, end);
            }
            line.append((char) b);
        }
        return line.length() == 0 ? null : line.toString();
    }

    @Override
    public void close() throws IOException {
        running = false;
        serverSocket.close();
    }
}
