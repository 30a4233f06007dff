package dev.pltrack.micronaut.beans;

/** Lets tests in other packages call package-private bean methods through the proxy. */
public final class PackageAccess {

    private PackageAccess() {
    }

    public static Answer internal(TypeLevelChat chat) {
        return chat.internal();
    }
}
