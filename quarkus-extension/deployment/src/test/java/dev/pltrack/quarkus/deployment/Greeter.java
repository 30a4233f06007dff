package dev.pltrack.quarkus.deployment;

import dev.pltrack.MetadataParam;
import dev.pltrack.TrackMetadata;

/** {@code @TrackMetadata} on an interface method: the bean implementing it is tracked. */
public interface Greeter {

    @TrackMetadata({"via=interface-method"})
    Answer greet(@MetadataParam("name") String name, long id);
}
