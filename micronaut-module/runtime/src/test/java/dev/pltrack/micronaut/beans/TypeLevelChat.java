package dev.pltrack.micronaut.beans;

import dev.pltrack.MetadataParam;
import dev.pltrack.TrackMetadata;
import jakarta.inject.Singleton;

/** {@code @TrackMetadata} on the type: every public method is tracked. */
@Singleton
@TrackMetadata("scope=type")
public class TypeLevelChat {

    public Answer ask(@MetadataParam("question") String question) {
        return new Answer(701, "typed answer");
    }

    public long log(@MetadataParam("kind") String kind) {
        return 702;
    }

    /** The method's own annotation wins over the type's. */
    @TrackMetadata("scope=method")
    public Answer own() {
        return new Answer(704, "own");
    }

    /** Not public: the type-level annotation does not reach it. */
    Answer internal() {
        return new Answer(703, "internal");
    }
}
