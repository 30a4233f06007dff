/** Start-up failure reports for wrong or missing {@code promptlayer.*} settings. */
package dev.pltrack.spring.diagnostics;
