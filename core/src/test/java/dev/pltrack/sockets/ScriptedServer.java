package dev.pltrack.sockets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw-socket HTTP/1.1 server on 127.0.0.1 whose answers a test scripts, including the ones no real
 * server library will send: a stall after the headers, a body trickled a byte at a time, an endless
 * body. It records every request it reads, when it read it, and how many were open (read and not yet
 * answered) at once. A thread per connection; keep-alive unless the script closes.
 */
public final class ScriptedServer implements AutoCloseable {

    /** One request as read, with when ({@link System#nanoTime()}) and on which connection. */
    public record Arrival(int number, int connection, String requestLine, Map<String, String> headers,
            String body, long arrivedNanos) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Writes the answer to one request; returns false to close the connection afterwards. */
    @FunctionalInterface
    public interface Script {
        boolean answer(Arrival arrival, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final Script script;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final List<Long> answeredNanos = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();
    private final AtomicInteger numbers = new AtomicInteger();
    private final AtomicInteger connectionIds = new AtomicInteger();
    private volatile boolean running = true;

    public ScriptedServer(Script script) throws IOException {
        this.script = script;
        this.socket = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "scripted-server-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** When each answer was finished, in order of finishing. */
    public List<Long> answeredNanos() {
        return List.copyOf(answeredNanos);
    }

    /** The most requests open at once: read, and their answer not yet written. */
    public int maxOpen() {
        return maxOpen.get();
    }

    public int connectionsAccepted() {
        return connectionIds.get();
    }

    // Scripts.

    /** PromptLayer's success answer. */
    public static boolean ok(OutputStream out) throws IOException {
        return answer(out, 200, Map.of(), "{\"success\":true,\"message\":\"Metadata tracked successfully\"}");
    }

    public static boolean answer(OutputStream out, int status, Map<String, String> headers, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n")
                .append("Content-Type: application/json\r\nContent-Length: ").append(bytes.length).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        return true;
    }

    /** Headers that promise a body, part of it, then nothing more for {@code stall}. */
    public static boolean stallAfterHeaders(OutputStream out, Duration stall) throws IOException, InterruptedException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"succ")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread.sleep(stall.toMillis());
        return false;
    }

    /** A body that never ends, {@code chunk} bytes at a time, until the client goes away. */
    public static boolean endlessBody(OutputStream out, int chunk, Duration pause) throws IOException, InterruptedException {
        out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        byte[] data = "0".repeat(chunk).getBytes(StandardCharsets.US_ASCII);
        byte[] size = (Integer.toHexString(chunk) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        while (true) {
            out.write(size);
            out.write(data);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (!pause.isZero()) {
                Thread.sleep(pause.toMillis());
            }
        }
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket connection = socket.accept();
                connection.setTcpNoDelay(true);
                connections.add(connection);
                int id = connectionIds.incrementAndGet();
                Thread worker = new Thread(() -> serve(connection, id), "scripted-server-connection-" + id);
                worker.setDaemon(true);
                worker.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection, int id) {
        try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
            while (running) {
                Arrival arrival = read(in, id);
                if (arrival == null) {
                    return;
                }
                arrivals.add(arrival);
                int now = open.incrementAndGet();
                maxOpen.accumulateAndGet(now, Math::max);
                boolean keepOpen;
                try {
                    keepOpen = script.answer(arrival, out);
                } finally {
                    open.decrementAndGet();
                    answeredNanos.add(System.nanoTime());
                }
                if (!keepOpen) {
                    return;
                }
            }
        } catch (IOException | InterruptedException gone) {
            // The client went away, or the server closed.
        }
    }

    private Arrival read(InputStream in, int connection) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Arrival(numbers.incrementAndGet(), connection, requestLine, headers, body, System.nanoTime());
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = bytes.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        running = false;
        socket.close();
        List<IOException> failures = new ArrayList<>();
        for (Socket connection : connections) {
            try {
                connection.close();
            } catch (IOException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
