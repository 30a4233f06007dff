package startupapp;

/** The line measure-startup.sh waits for: the wall-clock time at which the app is ready. Then exits at once. */
final class Ready {

    private Ready() {
    }

    static void announce() {
        System.out.println("STARTUP-READY " + System.currentTimeMillis());
        System.out.flush();
        if (Boolean.getBoolean("startup.exit")) {
            System.exit(0); // for profiling: lets -XX:StartFlightRecording write its file
        }
        // Start-up is what is measured: shutdown (and its class loading) is left out.
        Runtime.getRuntime().halt(0);
    }
}
