/** The API key in micronaut-management's {@code /env} endpoint. */
package dev.pltrack.micronaut.management;
