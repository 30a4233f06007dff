package dev.pltrack.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The library's version, read once from a file Maven fills in at build time. */
public final class PltrackVersion {

    private static final String VERSION = load();

    private PltrackVersion() {
    }

    public static String get() {
        return VERSION;
    }

    /** The {@code User-Agent} pltrack sends: {@code pltrack-java/<version>}. */
    public static String userAgent() {
        return "pltrack-java/" + VERSION;
    }

    private static String load() {
        try (InputStream in = PltrackVersion.class.getResourceAsStream("/dev/pltrack/pltrack-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
