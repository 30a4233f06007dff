package startupapp;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.Micronaut;
import java.util.Map;

/** A Micronaut HTTP app with management (/health); ready once run() returns (server started, ServerStartupEvent fired). */
@Controller
public class MicronautWebApp {

    private final GreetingService greetings;

    public MicronautWebApp(GreetingService greetings) {
        this.greetings = greetings;
    }

    @Get("/hello")
    public String hello() {
        return greetings.greet("world");
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(MicronautWebApp.class)
                .properties(Map.of("micronaut.server.port", -1))
                .start();
        Ready.announce();
    }
}
