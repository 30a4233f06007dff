/**
 * The {@code promptlayer.*} settings as one framework-neutral view ({@link dev.pltrack.settings.PltrackSettings}),
 * their defaults ({@link dev.pltrack.settings.PltrackDefaults}), and the one mapping of them onto the
 * core's configurations ({@link dev.pltrack.settings.CoreConfigs}). The Spring Boot, Micronaut and
 * Quarkus modules each declare the settings in their own idiom as an implementation of the view.
 */
package dev.pltrack.settings;
