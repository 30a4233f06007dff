package dev.pltrack.tracking;

/** Finds out whether Reactor is on the classpath without loading any class that needs it. */
final class ReactorSupport {

    private ReactorSupport() {
    }

    /**
     * Whether Reactor can be used next to pltrack. Only after this says yes may the adapter class be
     * loaded: verifying it loads Reactor's and Reactive Streams' types.
     */
    static boolean reactorPresent() {
        ClassLoader loader = TrackMetadataHandler.class.getClassLoader();
        try {
            Class.forName("org.reactivestreams.Publisher", false, loader);
            Class.forName("reactor.core.publisher.Mono", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /** The Reactor adapter, or null without Reactor. */
    static AsyncResultAdapter adapterIfPresent() {
        return reactorPresent() ? new ReactorResultAdapter() : null;
    }
}
