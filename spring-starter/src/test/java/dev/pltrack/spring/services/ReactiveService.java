package dev.pltrack.spring.services;

import dev.pltrack.TrackMetadata;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reactor results, tracked by the core when they complete. */
public class ReactiveService {

    @TrackMetadata({"feature=mono"})
    public Mono<ChatAnswer> mono(Mono<ChatAnswer> later) {
        return later;
    }

    @TrackMetadata({"feature=flux"})
    public Flux<ChatAnswer> flux(Flux<ChatAnswer> later) {
        return later;
    }
}
