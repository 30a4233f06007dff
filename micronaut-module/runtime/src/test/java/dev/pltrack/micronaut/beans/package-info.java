/** Beans that the tests call through Micronaut's proxies, compiled with pltrack-micronaut-processor. */
package dev.pltrack.micronaut.beans;
