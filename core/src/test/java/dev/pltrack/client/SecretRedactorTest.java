package dev.pltrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The key is masked in every form it takes on the wire, and the text around it stays as it was. */
class SecretRedactorTest {

    private static final String KEY = "pl_r\u00e9dact/\"me\\now+1 2";
    private final SecretRedactor redactor = new SecretRedactor(ApiKey.of(KEY));

    @Test
    void masksTheKeyAsTyped() {
        assertThat(redactor.redact("key=" + KEY + ".")).isEqualTo("key=****.");
    }

    @Test
    void masksTheJsonEscapedKeyAsJacksonAndPythonWriteIt() {
        assertThat(redactor.redact("{\"api_key\":\"pl_r\u00e9dact/\\\"me\\\\now+1 2\"}")).isEqualTo("{\"api_key\":\"****\"}");
        assertThat(redactor.redact("{\"input\":\"pl_r\\u00e9dact/\\\"me\\\\now+1 2\"}")).isEqualTo("{\"input\":\"****\"}");
        assertThat(redactor.redact("{\"input\":\"pl_r\\u00E9dact\\/\\\"me\\\\now+1 2\"}")).isEqualTo("{\"input\":\"****\"}");
    }

    @Test
    void masksTheUrlEncodedKey() {
        assertThat(redactor.redact("GET /x?k=pl_r%C3%A9dact%2F%22me%5Cnow%2B1+2 HTTP/1.1")).isEqualTo("GET /x?k=**** HTTP/1.1");
        assertThat(redactor.redact("k=pl_r%c3%a9dact%2f%22me%5cnow%2b1%202")).isEqualTo("k=****");
    }

    @Test
    void leavesTextWithoutTheKeyAloneAndPassesNullThrough() {
        assertThat(redactor.redact("nothing secret here: pl_r")).isEqualTo("nothing secret here: pl_r");
        assertThat(redactor.redact(null)).isNull();
    }

    @Test
    void jsonEscapingTurnsControlsIntoUnicodeEscapes() {
        assertThat(SecretRedactor.jsonEscaped("a\u0001\tb", false)).isEqualTo("a\\u0001\\tb");
        assertThat(SecretRedactor.jsonEscaped("~\u007f", true)).isEqualTo("~\\u007f");
        assertThat(SecretRedactor.jsonEscaped("~\u007f", false)).isEqualTo("~\u007f");
    }
}
