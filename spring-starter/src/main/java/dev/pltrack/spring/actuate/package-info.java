/**
 * Keeps the API key out of Actuator's {@code configprops} and {@code env} endpoints when their values
 * are shown ({@code show-values}); the same class serves Boot 4 and Boot 3.5, whose
 * {@code SanitizingFunction} is one interface in one package.
 */
package dev.pltrack.spring.actuate;
