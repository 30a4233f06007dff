package dev.pltrack.micronaut;

/**
 * One of the {@code promptlayer.*} settings records, each bound from its own prefix: the type
 * {@link UnreadableSettingCheck} listens for, so that it sees the top-level record and each nested one.
 */
interface SettingsGroup {
}
