package startupapp;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/** A Quarkus REST app; run() is called once started (HTTP server up, StartupEvent observed). */
@QuarkusMain
public class QuarkusRestApp implements QuarkusApplication {

    public static void main(String... args) {
        Quarkus.run(QuarkusRestApp.class, args);
    }

    @Override
    public int run(String... args) {
        Ready.announce();
        return 0;
    }
}
