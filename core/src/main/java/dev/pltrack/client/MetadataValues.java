package dev.pltrack.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Calendar;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a Java value into the text PromptLayer stores (it accepts string values only). Text,
 * numbers, booleans, enums, UUIDs and dates become their plain text; any other object becomes
 * compact JSON; {@code null} (and an empty {@link Optional}) stays {@code null}, meaning "leave the
 * key out".
 */
public final class MetadataValues {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private MetadataValues() {
    }

    /**
     * @return the value as text, or {@code null} for {@code null} and an empty {@code Optional}
     * @throws IllegalArgumentException if an object cannot be written as JSON
     */
    public static String toText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence || value instanceof Boolean || value instanceof Character
                || value instanceof UUID || value instanceof URI || value instanceof URL
                || value instanceof TemporalAccessor || value instanceof TemporalAmount || value instanceof ZoneId) {
            return value.toString();
        }
        if (value instanceof Number number) {
            return numberText(number);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(MetadataValues::toText).orElse(null);
        }
        if (value instanceof Date date) {
            // getTime(), not toInstant(): java.sql.Date refuses toInstant().
            return Instant.ofEpochMilli(date.getTime()).toString();
        }
        if (value instanceof Calendar calendar) {
            return calendar.toInstant().toString();
        }
        return json(value);
    }

    /** Whether {@link #toText} writes {@code value} as JSON (an object it has no plain text for). */
    static boolean isWrittenAsJson(Object value) {
        return value != null && !(value instanceof CharSequence || value instanceof Boolean
                || value instanceof Character || value instanceof UUID || value instanceof URI
                || value instanceof URL || value instanceof TemporalAccessor || value instanceof TemporalAmount
                || value instanceof ZoneId || value instanceof Number || value instanceof Enum<?>
                || value instanceof Optional<?> || value instanceof Date || value instanceof Calendar);
    }

    private static String numberText(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        String text = number.toString();
        if ((number instanceof Double || number instanceof Float) && text.contains("E")) {
            // Plain digits, never "1.0E10"; and "1.0E-7" is 0.0000001, not 0.00000010.
            return new BigDecimal(text).stripTrailingZeros().toPlainString();
        }
        return text;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot be written as JSON (" + value.getClass().getName() + "): "
                    + e.getOriginalMessage(), e);
        }
    }
}
