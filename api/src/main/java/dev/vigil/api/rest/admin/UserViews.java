package dev.vigil.api.rest.admin;

import dev.vigil.api.security.Roles;
import dev.vigil.api.security.UserAccount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the user administration API (never the entity, never the hash). */
public final class UserViews {

    private UserViews() {
    }

    /** A user as administrators see it. */
    public record UserView(String username, String displayName, List<String> roles, boolean enabled,
            Instant createdAt, Instant lastLoginAt) {

        static UserView of(UserAccount user) {
            List<String> roles = Roles.ALL.stream().filter(user.getRoles()::contains).toList();
            return new UserView(user.getUsername(), user.getDisplayName(), roles, user.isEnabled(),
                    user.getCreatedAt(), user.getLastLoginAt());
        }
    }

    /** A new user. */
    public record CreateUser(@NotBlank(message = "a username is required") String username, String displayName,
            @NotBlank(message = "a password is required") String password,
            @NotEmpty(message = "at least one role is required") List<String> roles) {
    }

    /** A change to a user; absent fields stay as they are. */
    public record UpdateUser(String displayName, List<String> roles, Boolean enabled) {
    }

    /** A new password. */
    public record NewPassword(@NotNull(message = "a password is required") String password) {
    }
}
