package dev.vigil.api.persistence;

import io.quarkus.test.junit.QuarkusTest;

/** The persistence contract on the embedded H2 database, the default. */
@QuarkusTest
class H2PersistenceTest extends PersistenceContract {

    @Override
    String expectedProductName() {
        return "H2";
    }
}
