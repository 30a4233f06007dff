/** The {@code promptlayer} Actuator health indicator on Spring Boot 4. */
package dev.pltrack.spring.health;
