package startupapp;

import jakarta.inject.Singleton;

/** An ordinary bean, in both variants. */
@Singleton
public class GreetingService {

    public String greet(String name) {
        return "Hello, " + name;
    }
}
