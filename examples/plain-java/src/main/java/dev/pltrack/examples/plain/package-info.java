/**
 * The plain-Java example: pltrack's core client with no framework. In demo mode (no
 * {@code PROMPTLAYER_API_KEY}) it tracks against the test kit's fake PromptLayer and prints what
 * the fake received.
 */
package dev.pltrack.examples.plain;
