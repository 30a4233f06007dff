package dev.pltrack.testkit;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares equal instances of values that repeat on every request (header names and values, metadata
 * keys, the API key), so that hundreds of thousands of recordings stay small.
 */
final class Canonical {

    /**
     * Past this many distinct values the cache stops growing: high-cardinality values are not
     * shared.
     */
    private static final int MAX_ENTRIES = 10_000;

    private final ConcurrentHashMap<Object, Object> instances = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <T> T of(T value) {
        if (value == null) {
            return null;
        }
        Object shared = instances.get(value);
        if (shared != null) {
            return (T) shared;
        }
        if (instances.size() >= MAX_ENTRIES) {
            return value;
        }
        Object raced = instances.putIfAbsent(value, value);
        return raced == null ? value : (T) raced;
    }
}
