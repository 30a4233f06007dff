package dev.pltrack.examples.quarkus;

import dev.pltrack.testkit.DemoMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.UUID;

/**
 * Without {@code PROMPTLAYER_API_KEY}, runs against the test kit's fake PromptLayer (demo mode) and
 * prints what it received when the application stops. With {@code --demo} it makes a few calls and
 * stops; without, or with {@code -Dpltrack.demo.serve=true}, it serves {@code /chat} until Ctrl+C.
 */
@QuarkusMain
public class ExampleMain {

    public static void main(String... args) {
        // -Dpltrack.demo.serve=true is the switch every pltrack example understands.
        boolean demoCalls = Arrays.asList(args).contains("--demo") && !Boolean.getBoolean("pltrack.demo.serve");
        int[] exitCode = {0};
        try (DemoMode demo = DemoMode.fromEnvironment()) {
            System.out.println(demo.banner());
            demo.properties().forEach(System::setProperty);
            if (demoCalls) {
                // The calls below need no HTTP port; a free one keeps the demo clear of running servers.
                System.setProperty("quarkus.http.port", "0");
            }
            Quarkus.run(demoCalls ? DemoCalls.class : Serve.class,
                    (code, failure) -> exitCode[0] = failure != null ? 1 : code, args);
            // Quarkus has stopped, so the delivery engine has flushed: the report is complete.
            System.out.println(demo.report());
        }
        System.exit(exitCode[0]);
    }

    /** Serves until stopped. */
    public static class Serve implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }

    /** A few annotated calls, one of them failing, then stop. */
    public static class DemoCalls implements QuarkusApplication {

        @Inject
        ChatService chat;

        @Override
        public int run(String... args) {
            ChatAnswer first = chat.answer("u-ada", UUID.fromString("0e6a2c1c-5b0e-4d53-9d43-3a3b3c8d9f01"),
                    "What is PromptLayer?");
            ChatAnswer second = chat.answer("u-linus", UUID.fromString("7f1d8a52-1c44-4f6a-a3c2-6f0c2b1e9a10"),
                    "And metadata?");
            System.out.println("answered requests " + first.requestId() + " and " + second.requestId());
            chat.rate(first.requestId(), 5);
            try {
                chat.rate(second.requestId(), 7);
            } catch (IllegalArgumentException expected) {
                System.out.println("rating failed as meant to (and was tracked): " + expected.getMessage());
            }
            return 0;
        }
    }
}
