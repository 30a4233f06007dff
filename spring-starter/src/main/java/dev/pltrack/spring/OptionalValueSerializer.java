package dev.pltrack.spring;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Optional;

/**
 * Writes an {@code Optional} property as its value (or null) for Boot 3.5's {@code /actuator/configprops},
 * whose own Jackson 2 mapper has no Jdk8Module and would otherwise refuse the whole
 * {@link PromptLayerProperties} ("Cannot serialize 'promptlayer'"). Boot 4's Jackson 3 writes
 * {@code Optional} itself and ignores this Jackson 2 annotation. The values still pass through
 * Actuator's sanitizing, so the key is masked.
 */
public final class OptionalValueSerializer extends StdSerializer<Optional<?>> {

    @SuppressWarnings({"unchecked", "rawtypes"})
    public OptionalValueSerializer() {
        super((Class) Optional.class);
    }

    @Override
    public void serialize(Optional<?> value, JsonGenerator json, SerializerProvider provider) throws IOException {
        if (value.isPresent()) {
            provider.defaultSerializeValue(value.get(), json);
        } else {
            json.writeNull();
        }
    }
}
