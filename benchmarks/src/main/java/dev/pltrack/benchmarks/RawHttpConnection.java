package dev.pltrack.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 keep-alive client over one socket, for measuring what the
 * {@link MinimalPromptLayerServer} can serve: it writes pre-built requests (patching a fixed-width
 * request id into them, so every POST is distinct) and reads answers by their status line and
 * {@code Content-Length}, with no allocation per request. {@link #exchange} sends
 * {@code count} requests in one write and then reads {@code count} answers: pipelined for
 * {@code count > 1}, one request at a time for {@code count == 1}. One thread at a time.
 */
final class RawHttpConnection implements AutoCloseable {

    /** Request ids are written with exactly this many digits (the first is 10^11), so they can be patched. */
    static final int ID_DIGITS = 12;
    static final long FIRST_ID = 100_000_000_000L;
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] requests;
    private final int requestLength;
    private final int idOffset;
    private final int maxCount;
    private final byte[] input = new byte[64 * 1024];
    private int position;
    private int limit;

    /**
     * @param maxCount the most requests one {@link #exchange} sends
     */
    RawHttpConnection(int port, String apiKey, int maxCount) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        String body = "{\"api_key\":\"" + apiKey + "\",\"request_id\":" + FIRST_ID
                + ",\"metadata\":{\"user_id\":\"user-42\",\"session_id\":\"s-1\",\"feature\":\"chat\"}}";
        String request = "POST /rest/track-metadata HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: application/json\r\n"
                + "X-API-KEY: " + apiKey + "\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + "\r\n"
                + body;
        byte[] one = request.getBytes(StandardCharsets.US_ASCII);
        requestLength = one.length;
        idOffset = request.indexOf(Long.toString(FIRST_ID));
        this.maxCount = maxCount;
        requests = new byte[requestLength * maxCount];
        for (int i = 0; i < maxCount; i++) {
            System.arraycopy(one, 0, requests, i * requestLength, requestLength);
        }
    }

    /** Sends {@code count} requests for ids {@code firstId, firstId + 1, ...}, then reads their answers. */
    void exchange(long firstId, int count) throws IOException {
        if (count > maxCount) {
            throw new IllegalArgumentException(count + " > " + maxCount);
        }
        for (int i = 0; i < count; i++) {
            writeId(i * requestLength + idOffset, firstId + i);
        }
        out.write(requests, 0, count * requestLength);
        for (int i = 0; i < count; i++) {
            readAnswer();
        }
    }

    private void writeId(int offset, long id) {
        if (id < FIRST_ID || id >= FIRST_ID * 10) {
            throw new IllegalArgumentException("request id " + id + " does not have " + ID_DIGITS + " digits");
        }
        for (int i = offset + ID_DIGITS - 1; i >= offset; i--) {
            requests[i] = (byte) ('0' + id % 10);
            id /= 10;
        }
    }

    private void readAnswer() throws IOException {
        int lineStart = position;
        long contentLength = -1;
        boolean statusLine = true;
        while (true) {
            int end = lineEnd(lineStart);
            if (end < 0) {
                // Keep the partial line: move it to the front and read more.
                int kept = limit - lineStart;
                System.arraycopy(input, lineStart, input, 0, kept);
                position = 0;
                limit = kept;
                lineStart = 0;
                if (limit == input.length) {
                    throw new IOException("answer header line longer than " + input.length + " bytes");
                }
                int read = in.read(input, limit, input.length - limit);
                if (read < 0) {
                    throw new IOException("server closed the connection");
                }
                limit += read;
                continue;
            }
            int length = end - lineStart; // without CR LF
            if (statusLine) {
                if (length < 12 || input[lineStart + 9] != '2' || input[lineStart + 10] != '0'
                        || input[lineStart + 11] != '0') {
                    throw new IOException("unexpected status line: "
                            + new String(input, lineStart, length, StandardCharsets.US_ASCII));
                }
                statusLine = false;
            } else if (length == 0) {
                position = end + 2;
                break;
            } else if (startsWithIgnoringCase(lineStart, length)) {
                contentLength = 0;
                for (int i = lineStart + CONTENT_LENGTH.length; i < lineStart + length; i++) {
                    byte b = input[i];
                    if (b >= '0' && b <= '9') {
                        contentLength = contentLength * 10 + (b - '0');
                    }
                }
            }
            lineStart = end + 2;
        }
        if (contentLength < 0) {
            throw new IOException("answer without Content-Length");
        }
        skip(contentLength);
    }

    /** Index of the CR of the next CRLF from {@code from}, or -1 if the buffer holds none. */
    private int lineEnd(int from) {
        for (int i = from; i + 1 < limit; i++) {
            if (input[i] == '\r' && input[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean startsWithIgnoringCase(int from, int length) {
        if (length < CONTENT_LENGTH.length) {
            return false;
        }
        for (int i = 0; i < CONTENT_LENGTH.length; i++) {
            byte b = input[from + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != CONTENT_LENGTH[i]) {
                return false;
            }
        }
        return true;
    }

    private void skip(long bytes) throws IOException {
        while (bytes > 0) {
            if (position == limit) {
                position = 0;
                limit = in.read(input, 0, input.length);
                if (limit < 0) {
                    limit = 0;
                    throw new IOException("server closed the connection inside a body");
                }
            }
            int step = (int) Math.min(bytes, limit - position);
            position += step;
            bytes -= step;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
