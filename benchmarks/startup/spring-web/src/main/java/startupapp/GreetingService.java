package startupapp;

import org.springframework.stereotype.Service;

/** An ordinary bean, in both variants. */
@Service
public class GreetingService {

    public String greet(String name) {
        return "Hello, " + name;
    }
}
