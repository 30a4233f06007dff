package dev.pltrack.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 that answers every request with one fixed status line and
 * headers, for answers the WireMock fake cannot give (a status of 600, a Retry-After of 20 digits).
 */
final class RawAnswerServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String answer;
    private final AtomicInteger requests = new AtomicInteger();
    private final Thread acceptor;

    /** @param statusLineAndHeaders e.g. {@code "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 5"} */
    RawAnswerServer(String statusLineAndHeaders) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.answer = statusLineAndHeaders + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        this.acceptor = new Thread(this::serve, "raw-answer-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    int requests() {
        return requests.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                readRequest(connection);
                requests.incrementAndGet();
                OutputStream out = connection.getOutputStream();
                out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException closedOrBroken) {
                // closed by close(), or a client that went away: wait for the next one
            }
        }
    }

    private static void readRequest(Socket connection) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
        int contentLength = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                contentLength = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        for (int i = 0; i < contentLength; i++) {
            in.read();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
