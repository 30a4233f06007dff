/**
 * The {@code promptlayer} health indicator on Spring Boot 3 ({@code org.springframework.boot.actuate.health}),
 * compiled against spring-boot-actuator 3.5 and active only where those classes exist; tested by
 * the Boot 3 compatibility module.
 */
package dev.pltrack.spring.health.boot3;
