package startupapp;

import jakarta.enterprise.context.ApplicationScoped;

/** An ordinary bean, in both variants. */
@ApplicationScoped
public class GreetingService {

    public String greet(String name) {
        return "Hello, " + name;
    }
}
