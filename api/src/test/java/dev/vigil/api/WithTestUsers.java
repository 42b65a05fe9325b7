package dev.vigil.api;

import dev.vigil.api.security.UserService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/** Base of API tests that sign in as the {@link TestUsers}: makes sure they exist before each test. */
public abstract class WithTestUsers {

    @Inject
    protected UserService users;

    @BeforeEach
    void ensureTestUsers() {
        TestUsers.ensure(users);
    }
}
