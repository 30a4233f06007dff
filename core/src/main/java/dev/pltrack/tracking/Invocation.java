package dev.pltrack.tracking;

/** The intercepted call itself, as each framework exposes it ({@code proceed()}). */
@FunctionalInterface
public interface Invocation {

    Object proceed() throws Throwable;
}
