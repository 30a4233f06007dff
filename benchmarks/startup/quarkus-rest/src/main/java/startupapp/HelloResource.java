package startupapp;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/hello")
public class HelloResource {

    @Inject
    GreetingService greetings;

    @GET
    public String hello() {
        return greetings.greet("world");
    }
}
