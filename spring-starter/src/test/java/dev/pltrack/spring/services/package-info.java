/** Annotated beans that the tests have Spring proxy. */
package dev.pltrack.spring.services;
