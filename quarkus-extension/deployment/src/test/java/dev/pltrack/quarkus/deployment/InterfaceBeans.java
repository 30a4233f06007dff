package dev.pltrack.quarkus.deployment;

import jakarta.enterprise.context.ApplicationScoped;

/** Beans whose annotations sit on their interfaces only. */
final class InterfaceBeans {

    private InterfaceBeans() {
    }

    @ApplicationScoped
    public static class GreeterBean implements Greeter {
        @Override
        public Answer greet(String name, long id) {
            return new Answer(id, "hello " + name);
        }
    }

    @ApplicationScoped
    public static class CatalogBean implements Catalog {
        @Override
        public long lookup(String sku, long id) {
            return id;
        }
    }
}
