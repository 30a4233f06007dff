package startupapp;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A Spring MVC app with Actuator; ready once run() returns (server started, ApplicationReadyEvent fired). */
@SpringBootApplication
@RestController
public class SpringWebApp {

    private final GreetingService greetings;

    public SpringWebApp(GreetingService greetings) {
        this.greetings = greetings;
    }

    @GetMapping("/hello")
    public String hello() {
        return greetings.greet("world");
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(SpringWebApp.class);
        application.setDefaultProperties(Map.of("server.port", "0"));
        application.run(args);
        Ready.announce();
    }
}
