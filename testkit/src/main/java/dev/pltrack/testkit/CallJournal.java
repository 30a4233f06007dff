package dev.pltrack.testkit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every call the fake received, in arrival order, and the same per endpoint, all of them and the
 * accepted ones. Not thread-safe: {@link Ledger} guards it.
 */
final class CallJournal {

    private final List<RecordedCall> all = new ArrayList<>();
    private final Map<Endpoint, List<RecordedCall>> received = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, List<RecordedCall>> accepted = new EnumMap<>(Endpoint.class);

    CallJournal() {
        for (Endpoint endpoint : Endpoint.values()) {
            received.put(endpoint, new ArrayList<>());
            accepted.put(endpoint, new ArrayList<>());
        }
    }

    void add(RecordedCall call) {
        all.add(call);
        received.get(call.endpoint()).add(call);
        if (call.accepted()) {
            accepted.get(call.endpoint()).add(call);
        }
    }

    /** Live views: copy them before they leave the lock. */
    List<RecordedCall> all() {
        return all;
    }

    List<RecordedCall> received(Endpoint endpoint) {
        return received.get(endpoint);
    }

    List<RecordedCall> accepted(Endpoint endpoint) {
        return accepted.get(endpoint);
    }
}
