package startupapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A command-line Spring Boot app (no web server); ready once run() returns, after ApplicationReadyEvent. */
@SpringBootApplication
public class SpringCliApp {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(SpringCliApp.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.run(args);
        Ready.announce();
    }
}
