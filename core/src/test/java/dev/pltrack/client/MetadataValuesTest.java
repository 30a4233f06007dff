package dev.pltrack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Values become the plain text a person would write, other objects compact JSON. */
class MetadataValuesTest {

    enum Plan { FREE, PRO }

    record Location(String city, double lat, Instant seen) {
    }

    @Test
    void scalarsBecomePlainText() {
        assertThat(MetadataValues.toText("text")).isEqualTo("text");
        assertThat(MetadataValues.toText(new StringBuilder("built"))).isEqualTo("built");
        assertThat(MetadataValues.toText(42)).isEqualTo("42");
        assertThat(MetadataValues.toText(9_007_199_254_740_993L)).isEqualTo("9007199254740993");
        assertThat(MetadataValues.toText(2.5d)).isEqualTo("2.5");
        assertThat(MetadataValues.toText(1e20d)).isEqualTo("100000000000000000000");
        assertThat(MetadataValues.toText(1e-7d)).isEqualTo("0.0000001");
        assertThat(MetadataValues.toText(1e-7f)).isEqualTo("0.0000001");
        assertThat(MetadataValues.toText(3.0d)).isEqualTo("3.0");
        assertThat(MetadataValues.toText(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(MetadataValues.toText(0.1f)).isEqualTo("0.1");
        assertThat(MetadataValues.toText(Double.NaN)).isEqualTo("NaN");
        assertThat(MetadataValues.toText(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(MetadataValues.toText(new BigInteger("123456789012345678901234567890")))
                .isEqualTo("123456789012345678901234567890");
        assertThat(MetadataValues.toText(true)).isEqualTo("true");
        assertThat(MetadataValues.toText('x')).isEqualTo("x");
        assertThat(MetadataValues.toText(Plan.PRO)).isEqualTo("PRO");
    }

    @Test
    void identifiersAndDatesBecomeTheirStandardText() {
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertThat(MetadataValues.toText(id)).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
        assertThat(MetadataValues.toText(URI.create("https://example.com/a"))).isEqualTo("https://example.com/a");
        assertThat(MetadataValues.toText(Instant.parse("2026-11-30T01:02:03Z"))).isEqualTo("2026-11-30T01:02:03Z");
        assertThat(MetadataValues.toText(LocalDate.of(2026, 11, 30))).isEqualTo("2026-11-30");
        assertThat(MetadataValues.toText(OffsetDateTime.of(2026, 11, 30, 1, 2, 3, 0, ZoneOffset.ofHours(2))))
                .isEqualTo("2026-11-30T01:02:03+02:00");
        assertThat(MetadataValues.toText(Duration.ofSeconds(90))).isEqualTo("PT1M30S");
        assertThat(MetadataValues.toText(new Date(0))).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(MetadataValues.toText(new java.sql.Date(0))).isEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    void nullAndEmptyOptionalMeanLeaveTheKeyOut() {
        assertThat(MetadataValues.toText(null)).isNull();
        assertThat(MetadataValues.toText(Optional.empty())).isNull();
        assertThat(MetadataValues.toText(Optional.of(7))).isEqualTo("7");
    }

    @Test
    void otherObjectsBecomeCompactJson() {
        assertThat(MetadataValues.toText(new Location("Oslo", 59.9, Instant.parse("2026-01-01T00:00:00Z"))))
                .isEqualTo("{\"city\":\"Oslo\",\"lat\":59.9,\"seen\":\"2026-01-01T00:00:00Z\"}");
        assertThat(MetadataValues.toText(List.of(1, 2))).isEqualTo("[1,2]");
        assertThat(MetadataValues.toText(Map.of("a", Optional.of("b")))).isEqualTo("{\"a\":\"b\"}");
    }

    @Test
    void anObjectThatCannotBeJsonIsRefusedWithItsKey() {
        Object cyclic = new Object() {
            @SuppressWarnings("unused")
            public Object getSelf() {
                return this;
            }
        };

        InvalidTrackRequestException failure = catchThrowableOfType(InvalidTrackRequestException.class,
                () -> Metadata.builder().put("weird", cyclic));

        assertThat(failure.field()).isEqualTo("metadata[\"weird\"]");
        assertThat(failure.rule()).startsWith("cannot be written as JSON");
    }

    @Test
    void theBuilderKeepsOrderAndLeavesNullsOut() {
        Map<String, String> metadata = Metadata.builder()
                .put("b", 2)
                .put("a", Plan.FREE)
                .put("gone", null)
                .put("b", 3)
                .build();

        assertThat(metadata).containsExactly(Map.entry("b", "3"), Map.entry("a", "FREE"));
        assertThat(Metadata.of(Map.of("x", 1.5))).containsExactly(Map.entry("x", "1.5"));
    }
}
