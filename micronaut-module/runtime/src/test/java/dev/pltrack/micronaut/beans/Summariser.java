package dev.pltrack.micronaut.beans;

import dev.pltrack.MetadataParam;
import dev.pltrack.TrackMetadata;

/** {@code @TrackMetadata} declared on an interface that a bean implements. */
public interface Summariser {

    @TrackMetadata("via=interface")
    long summarise(@MetadataParam("document") String document);
}
