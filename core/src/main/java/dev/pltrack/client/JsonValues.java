package dev.pltrack.client;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;

/**
 * Writes free-form values (model parameters, prompt input variables) as JSON: text, numbers,
 * booleans, maps, lists, arrays and null as themselves; any other object as
 * {@link MetadataValues#toText} turns it into text (an enum's name, a date's ISO form, a bean as a
 * JSON object written raw).
 */
final class JsonValues {

    private JsonValues() {
    }

    static void write(Object value, JsonGenerator json) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof CharSequence text) {
            json.writeString(text.toString());
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Number number) {
            number(number, json);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                write(entry.getValue(), json);
            }
            json.writeEndObject();
        } else if (value instanceof Iterable<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                write(item, json);
            }
            json.writeEndArray();
        } else if (value instanceof Object[] items) {
            write(java.util.Arrays.asList(items), json);
        } else if (value instanceof Optional<?> optional) {
            write(optional.orElse(null), json);
        } else {
            objectAsText(value, json);
        }
    }

    private static void number(Number number, JsonGenerator json) throws IOException {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            json.writeNumber(number.longValue());
        } else if (number instanceof BigInteger big) {
            json.writeNumber(big);
        } else if (number instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (Double.isFinite(number.doubleValue())) {
            json.writeNumber(number.doubleValue());
        } else {
            json.writeNull();   // NaN and infinities are not JSON
        }
    }

    private static void objectAsText(Object value, JsonGenerator json) throws IOException {
        String text = MetadataValues.toText(value);
        if (MetadataValues.isWrittenAsJson(value)) {
            json.writeRawValue(text);
        } else {
            json.writeString(text);
        }
    }
}
