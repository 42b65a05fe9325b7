package dev.vigil.api.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Creating, changing and authenticating users, with the rules that keep the user base sound. */
@ApplicationScoped
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    /** Sign-ins closer together than this do not rewrite last_login_at (HTTP Basic signs in per request). */
    private static final Duration LOGIN_RECORD_INTERVAL = Duration.ofMinutes(1);

    @Inject
    UserRepository repository;

    @Inject
    PasswordHasher hasher;

    Clock clock = Clock.systemUTC();

    /** A signed-in user's name and current roles. */
    public record Principal(String username, String displayName, Set<String> roles) {

        /** The security identity requests of this user run as, with their current roles. */
        public io.quarkus.security.identity.SecurityIdentity identity() {
            return io.quarkus.security.runtime.QuarkusSecurityIdentity.builder()
                    .setPrincipal(new io.quarkus.security.runtime.QuarkusPrincipal(username))
                    .addRoles(roles)
                    .build();
        }
    }

    @Transactional
    public UserAccount create(String username, String displayName, String password, Collection<String> roles) {
        String name = requireValidUsername(username);
        if (repository.findByUsername(name).isPresent()) {
            throw new UserConflictException("A user named '" + name + "' already exists");
        }
        Set<String> validRoles = Roles.requireValid(roles);
        String shownName = displayName == null || displayName.isBlank() ? name : displayName.trim();
        UserAccount user = new UserAccount(name, shownName, hasher.hash(password), validRoles, clock.instant());
        repository.persist(user);
        return user;
    }

    @Transactional
    public List<UserAccount> list() {
        return repository.listAll();
    }

    @Transactional
    public Optional<UserAccount> find(String username) {
        return repository.findByUsername(username);
    }

    /**
     * Changes what is given (null leaves a field as it is). Refuses to leave the system without an enabled
     * administrator, which would lock everybody out of user management.
     */
    @Transactional
    public UserAccount update(String username, String displayName, Collection<String> roles, Boolean enabled) {
        UserAccount user = require(username);
        boolean wasActiveAdmin = user.isEnabled() && user.getRoles().contains(Roles.ADMIN);
        if (displayName != null) {
            if (displayName.isBlank()) {
                throw new IllegalArgumentException("The display name must not be blank");
            }
            user.setDisplayName(displayName.trim());
        }
        if (roles != null) {
            user.setRoles(Roles.requireValid(roles));
        }
        if (enabled != null) {
            user.setEnabled(enabled);
        }
        boolean isActiveAdmin = user.isEnabled() && user.getRoles().contains(Roles.ADMIN);
        if (wasActiveAdmin && !isActiveAdmin && repository.countByRole(Roles.ADMIN) <= 1) {
            throw new UserConflictException("'" + username + "' is the last enabled administrator; make another "
                    + "user an administrator first");
        }
        return user;
    }

    @Transactional
    public void setPassword(String username, String password) {
        require(username).setPasswordHash(hasher.hash(password));
    }

    /**
     * Checks a username and password; records the sign-in time.
     *
     * @return the principal, or empty for an unknown user, a wrong password or a disabled account (the
     *     caller cannot tell which, and neither can an attacker)
     */
    @Transactional
    public Optional<Principal> authenticate(String username, String password) {
        Optional<UserAccount> found = repository.findByUsername(username);
        if (found.isEmpty()) {
            hasher.burnCheck(password);
            return Optional.empty();
        }
        UserAccount user = found.get();
        if (!hasher.matches(password, user.getPasswordHash()) || !user.isEnabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (user.getLastLoginAt() == null || user.getLastLoginAt().plus(LOGIN_RECORD_INTERVAL).isBefore(now)) {
            user.setLastLoginAt(now);
        }
        return Optional.of(new Principal(user.getUsername(), user.getDisplayName(), user.getRoles()));
    }

    /** The user's current roles, or empty when the user no longer exists or is disabled. */
    public Optional<Principal> current(String username) {
        return repository.findEnabledPrincipal(username);
    }

    private UserAccount require(String username) {
        return repository.findByUsername(username)
                .orElseThrow(() -> new UnknownUserException("No user named '" + username + "'"));
    }

    static String requireValidUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("A username has 2 to 64 characters: lower-case letters, digits, "
                    + "'.', '_' or '-', starting with a letter or digit; got '" + username + "'");
        }
        return username;
    }
}
