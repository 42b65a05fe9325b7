package dev.vigil.api.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hashes and checks passwords with bcrypt. The cost ({@code vigil.security.bcrypt-cost}, default 12:
 * 2^12 rounds, about a quarter of a second here) slows guessing to a crawl; tests lower it, and a stored
 * hash keeps the cost it was made with.
 */
@ApplicationScoped
public class PasswordHasher {

    /** Minimum password length; length matters more than character classes (NIST SP 800-63B). */
    public static final int MIN_LENGTH = 10;
    /** bcrypt reads only the first 72 bytes: a longer password would silently be truncated. */
    public static final int MAX_BYTES = 72;

    private final int cost;
    /** A hash to check against when the user does not exist, so that timing does not reveal usernames. */
    private final String decoy;

    @Inject
    public PasswordHasher(@ConfigProperty(name = "vigil.security.bcrypt-cost", defaultValue = "12") int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("vigil.security.bcrypt-cost must be between 4 and 31 (12 is the "
                    + "default), was " + cost);
        }
        this.cost = cost;
        this.decoy = BCrypt.withDefaults().hashToString(cost, "decoy-password-never-valid".toCharArray());
    }

    public String hash(String password) {
        requireAcceptable(password);
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /** Whether {@code password} matches {@code hash}; a malformed hash matches nothing. */
    public boolean matches(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }

    /** Spends the same time as a real check, for unknown usernames. */
    public void burnCheck(String password) {
        matches(password, decoy);
    }

    /** @throws IllegalArgumentException saying what a password needs */
    public static void requireAcceptable(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("A password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("A password may have at most " + MAX_BYTES
                    + " bytes in UTF-8 (bcrypt's limit)");
        }
    }
}
