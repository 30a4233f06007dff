package dev.pltrack.quarkus.deployment;

import dev.pltrack.MetadataParam;
import dev.pltrack.TrackMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code @TrackMetadata} on the type: every public method is tracked. */
@ApplicationScoped
@TrackMetadata({"layer=type"})
public class TypeLevelService {

    public Answer ask(@MetadataParam("topic") String topic, long id) {
        return new Answer(id, topic);
    }

    /** Not public: a type-level annotation does not apply. */
    long internal(long id) {
        return id;
    }
}
