package dev.pltrack.quarkus.deployment;

import dev.pltrack.MetadataParam;
import dev.pltrack.TrackMetadata;

/** {@code @TrackMetadata} on an interface: every method of the bean implementing it is tracked. */
@TrackMetadata({"via=interface-type"})
public interface Catalog {

    long lookup(@MetadataParam("sku") String sku, long id);
}
