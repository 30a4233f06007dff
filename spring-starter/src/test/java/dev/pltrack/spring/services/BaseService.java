package dev.pltrack.spring.services;

import dev.pltrack.TrackMetadata;

/** The annotation sits on the superclass's method; the subclass overrides it without one. */
public abstract class BaseService {

    @TrackMetadata({"source=superclass"})
    public abstract long answer(long requestId);
}
