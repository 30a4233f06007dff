package dev.pltrack.spring.boot3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.SpringVersion;

/**
 * The starter's tests in this module really run on what a Boot 3.5 application has: Boot 3.5,
 * Spring Framework 6.2 and Boot's Jackson 2.19, under which Feign 13 (the core's HTTP client) works.
 */
class Boot3ClasspathTest {

    @Test
    void bootThreeFiveWithItsJackson() {
        assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
        assertThat(SpringVersion.getVersion()).startsWith("6.2.");
        assertThat(PackageVersion.VERSION.toString()).startsWith("2.19.");
    }
}
