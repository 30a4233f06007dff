package dev.pltrack.spring.services;

import dev.pltrack.MetadataParam;
import dev.pltrack.TrackMetadata;

/** Annotated on the interface, at type level: every method of it is tracked. */
@TrackMetadata({"feature=interface"})
public interface InterfaceService {

    ChatAnswer answer(long requestId, @MetadataParam("user_id") String user);
}
