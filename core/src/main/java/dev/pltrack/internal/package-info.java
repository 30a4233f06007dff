/**
 * Helpers shared by pltrack's own packages. Not an API: names and behaviour may change in any
 * release.
 */
package dev.pltrack.internal;
