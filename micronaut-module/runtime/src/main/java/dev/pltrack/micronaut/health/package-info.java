/** pltrack's entry in Micronaut's health endpoint, when the application uses micronaut-management. */
package dev.pltrack.micronaut.health;
