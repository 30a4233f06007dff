package dev.pltrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Request;
import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a body: bounded in what is read, redacted before it is cut. */
class ResponseBodiesTest {

    private static final String KEY = "pl_bodies_secret_0123456789";
    private final SecretRedactor redactor = new SecretRedactor(ApiKey.of(KEY));

    @Test
    void readsAtMostABoundedPrefixOfAnEndlessBody() throws IOException {
        CountingEndlessStream endless = new CountingEndlessStream();

        String text = ResponseBodies.text(response(endless), redactor);

        assertThat(endless.read).isLessThanOrEqualTo(ResponseBodies.MAX_BODY_BYTES + 1L);
        assertThat(text).isEqualTo("a".repeat(ResponseBodies.MAX_BODY_CHARS) + "...");
        assertThat(ResponseBodies.text(response(new CountingEndlessStream())))
                .isEqualTo("a".repeat(ResponseBodies.MAX_BODY_CHARS) + "...");
    }

    @Test
    void aBodyOfExactlyTheLimitIsKeptWhole() throws IOException {
        String body = "b".repeat(ResponseBodies.MAX_BODY_CHARS);

        assertThat(ResponseBodies.text(response(body))).isEqualTo(body);
        assertThat(ResponseBodies.text(response(body), redactor)).isEqualTo(body);
        assertThat(ResponseBodies.text(response(body + "c"))).isEqualTo(body + "...");
    }

    @Test
    void aBodyOfExactlyTheByteLimitIsComplete() throws IOException {
        String body = "\u00e9".repeat(ResponseBodies.MAX_BODY_BYTES / 2);

        assertThat(ResponseBodies.text(response(body), redactor)).isEqualTo(body.substring(0, ResponseBodies.MAX_BODY_CHARS) + "...");
        assertThat(ResponseBodies.text(response("x".repeat(ResponseBodies.MAX_BODY_BYTES - 8) + KEY.substring(0, 8)), redactor))
                .hasSize(ResponseBodies.MAX_BODY_CHARS + 3).doesNotContain("****");
    }

    @Test
    void theKeyIsRedactedBeforeTheCutWithOrWithoutTheRedactorAtHand() throws IOException {
        String body = "x".repeat(ResponseBodies.MAX_BODY_CHARS - 5) + KEY + "tail";

        assertThat(ResponseBodies.text(response(body), redactor))
                .isEqualTo("x".repeat(ResponseBodies.MAX_BODY_CHARS - 5) + "****t...");
        assertThat(redactor.redact(ResponseBodies.text(response(body))))
                .isEqualTo("x".repeat(ResponseBodies.MAX_BODY_CHARS - 5) + "****...");
    }

    @Test
    void aKeyCutByTheReadLimitIsMaskedEvenWhenTheNextByteIsZero() throws IOException {
        int keys = (ResponseBodies.MAX_BODY_BYTES - 5) / KEY.length();
        String filler = "x".repeat(ResponseBodies.MAX_BODY_BYTES - 5 - keys * KEY.length());
        String body = filler + KEY.repeat(keys) + KEY.substring(0, 5) + "\0" + KEY.substring(5) + "tail";

        assertThat(ResponseBodies.text(response(body), redactor)).isEqualTo(filler + "****".repeat(keys + 1) + "...");
    }

    @Test
    void anEmptyOrMissingBodyIsEmptyText() throws IOException {
        assertThat(ResponseBodies.text(response(""), redactor)).isEmpty();
        Response noBody = Response.builder().status(204).request(request()).headers(Map.of()).build();
        assertThat(ResponseBodies.text(noBody)).isEmpty();
        assertThat(ResponseBodies.text(noBody, redactor)).isEmpty();
    }

    @Test
    void onlyACutTextHasAKeyStartMaskedBeforeItsEnd() {
        assertThat(redactor.redact("ends with pl_bodies_se...")).isEqualTo("ends with ****...");
        assertThat(redactor.redact("ends with pl_bodies_se")).isEqualTo("ends with pl_bodies_se");
        assertThat(redactor.redact("ends with nothing of it...")).isEqualTo("ends with nothing of it...");
    }

    private static Response response(String body) {
        return response(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static Response response(InputStream body) {
        return Response.builder().status(500).request(request()).headers(Map.of()).body(body, null).build();
    }

    private static Request request() {
        return Request.create(Request.HttpMethod.POST, "http://127.0.0.1:9/rest/track-metadata", Map.of(),
                new byte[0], StandardCharsets.UTF_8, null);
    }

    /** An answer that never ends, counting what was taken from it. */
    private static final class CountingEndlessStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 'a';
        }
    }
}
