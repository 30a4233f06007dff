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

    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: 57\r\n"
            + "\r\n"
            + "{\"success\":true,\"message\":\"Metadata tracked successfully\"}").getBytes(StandardCharsets.US_ASCII);

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
                int contentLength = readHeaders(in);
                if (contentLength < 0) {
                    return;
                }
                in.skipNBytes(contentLength);
                out.write(RESPONSE);
                out.flush();
                served.incrementAndGet();
            }
        } catch (IOException closed) {
            // The client closed its connection: nothing to do.
        }
    }

    /** Reads one request head; returns its Content-Length, or -1 at end of stream. */
    private static int readHeaders(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int contentLength = 0;
        boolean sawAnyLine = false;
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return -1;
            }
            if (b == '\n' && previous == '\r') {
                String header = line.substring(0, line.length() - 1);
                if (header.isEmpty()) {
                    if (sawAnyLine) {
                        return contentLength;
                    }
                } else {
                    sawAnyLine = true;
                    if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        contentLength = Integer.parseInt(header.substring(15).strip());
                    }
                }
                line.setLength(0);
            } else {
                line.append((char) b);
            }
            previous = b;
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        serverSocket.close();
    }
}
