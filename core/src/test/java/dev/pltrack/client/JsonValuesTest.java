package dev.pltrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Free-form values (model parameters, prompt input variables) as the JSON PromptLayer receives,
 * byte for byte: JSON's own types as themselves, other objects as their text or as a JSON object.
 */
class JsonValuesTest {

    enum Tier { GOLD }

    record Tool(String name, int version) {
    }

    private static String json(Object value) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            JsonValues.write(value, json);
        }
        return out.toString();
    }

    @Test
    void jsonsOwnTypesAreWrittenAsThemselves() throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("text", new StringBuilder("hi"));
        values.put("flag", true);
        values.put("none", null);
        values.put("int", 1);
        values.put("long", 2L);
        values.put("short", (short) 3);
        values.put("byte", (byte) 4);
        values.put("big", new BigInteger("123456789012345678901234567890"));
        values.put("decimal", new BigDecimal("0.10"));
        values.put("double", 0.5);
        values.put("float", 1.5f);
        values.put("list", List.of(1, "two"));
        values.put("array", new Object[] {3, null});
        values.put("present", Optional.of(7));
        values.put("absent", Optional.empty());
        values.put(null, "null key");

        assertThat(json(values)).isEqualTo("{\"text\":\"hi\",\"flag\":true,\"none\":null,\"int\":1,\"long\":2,"
                + "\"short\":3,\"byte\":4,\"big\":123456789012345678901234567890,\"decimal\":0.10,\"double\":0.5,"
                + "\"float\":1.5,\"list\":[1,\"two\"],\"array\":[3,null],\"present\":7,\"absent\":null,"
                + "\"null\":\"null key\"}");
    }

    @Test
    void numbersThatAreNotJsonBecomeNull() throws IOException {
        assertThat(json(List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY))).isEqualTo("[null,null,null]");
    }

    @Test
    void otherObjectsAreTheirTextOrAJsonObject() throws IOException {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000042");

        assertThat(json(List.of(Tier.GOLD, id, URI.create("https://x.example"), Instant.parse("2026-12-04T10:00:00Z"),
                new Tool("search", 2))))
                .isEqualTo("[\"GOLD\",\"00000000-0000-0000-0000-000000000042\",\"https://x.example\","
                        + "\"2026-12-04T10:00:00Z\",{\"name\":\"search\",\"version\":2}]");
    }

    @Test
    void onlyObjectsWithoutPlainTextAreWrittenAsJson() throws Exception {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(0);
        List<Object> plain = List.of("text", true, 'c', UUID.randomUUID(), URI.create("https://x.example"),
                URI.create("https://y.example").toURL(),
                Instant.EPOCH, java.time.Duration.ofSeconds(1), java.time.ZoneId.of("UTC"), 1, Tier.GOLD,
                Optional.empty(), new Date(0), calendar);

        for (Object value : plain) {
            assertThat(MetadataValues.isWrittenAsJson(value)).as("%s", value.getClass()).isFalse();
        }
        assertThat(MetadataValues.isWrittenAsJson(null)).isFalse();
        assertThat(MetadataValues.isWrittenAsJson(new Tool("search", 1))).isTrue();
        assertThat(MetadataValues.isWrittenAsJson(Map.of())).isTrue();
        assertThat(MetadataValues.toText(calendar)).isEqualTo("1970-01-01T00:00:00Z");
    }
}
