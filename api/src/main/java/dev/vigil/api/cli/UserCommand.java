package dev.vigil.api.cli;

import dev.vigil.api.security.Roles;
import dev.vigil.api.security.UserAccount;
import dev.vigil.api.security.UserService;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** User administration from the command line; how the first administrator is made. */
@Dependent
@Unremovable
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Manage users: add, list, set-roles, enable, disable, passwd.")
public class UserCommand {

    @Inject
    UserService users;

    /** How a command gets a password: a hidden prompt on a terminal, or the first line of standard input. */
    public static final class PasswordSource {
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean fromStdin;

        String read(String prompt) {
            if (fromStdin) {
                try {
                    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                    if (line == null) {
                        throw new IllegalArgumentException("--password-stdin was given but standard input is empty");
                    }
                    return line;
                } catch (IOException e) {
                    throw new IllegalArgumentException("Cannot read the password from standard input: " + e.getMessage());
                }
            }
            Console console = System.console();
            if (console == null) {
                throw new IllegalArgumentException("No terminal to ask for the password on: pipe it in with "
                        + "--password-stdin");
            }
            char[] first = console.readPassword("%s: ", prompt);
            char[] again = console.readPassword("Again: ");
            if (first == null || again == null || !new String(first).equals(new String(again))) {
                throw new IllegalArgumentException("The two passwords differ; nothing was changed");
            }
            return new String(first);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user with one or more roles.")
    int add(@Parameters(paramLabel = "USERNAME", description = "Lower-case letters, digits, '.', '_' or '-'.")
            String username,
            @Option(names = {"-r", "--role"}, required = true, split = ",",
                    description = "Role(s): clinician, researcher, auditor, admin (repeat or separate by commas).")
            List<String> roles,
            @Option(names = "--display-name", description = "Name shown in the UI (default: the username).")
            String displayName,
            @Mixin PasswordSource password) {
        Roles.requireValid(roles);
        UserAccount user = users.create(username, displayName, password.read("Password for " + username), roles);
        System.out.println("Added " + user.getUsername() + " with roles " + user.getRoles());
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users and their roles.")
    int list() {
        List<UserAccount> all = users.list();
        if (all.isEmpty()) {
            System.out.println("No users yet. Add an administrator: ./vigil user add NAME --role admin");
            return 0;
        }
        System.out.printf("%-24s %-9s %-40s %s%n", "USERNAME", "ENABLED", "ROLES", "LAST SIGN-IN");
        for (UserAccount u : all) {
            System.out.printf("%-24s %-9s %-40s %s%n", u.getUsername(), u.isEnabled() ? "yes" : "no",
                    String.join(",", u.getRoles()), u.getLastLoginAt() == null ? "never" : u.getLastLoginAt());
        }
        return 0;
    }

    @Command(name = "set-roles", mixinStandardHelpOptions = true, description = "Replace a user's roles.")
    int setRoles(@Parameters(paramLabel = "USERNAME") String username,
            @Option(names = {"-r", "--role"}, required = true, split = ",", description = "The new role(s).")
            List<String> roles) {
        UserAccount user = users.update(username, null, roles, null);
        System.out.println(user.getUsername() + " now has roles " + user.getRoles());
        return 0;
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Allow a user to sign in again.")
    int enable(@Parameters(paramLabel = "USERNAME") String username) {
        users.update(username, null, null, true);
        System.out.println(username + " is enabled");
        return 0;
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Stop a user from signing in; their open sessions end at their next request.")
    int disable(@Parameters(paramLabel = "USERNAME") String username) {
        users.update(username, null, null, false);
        System.out.println(username + " is disabled");
        return 0;
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set a user's password.")
    int passwd(@Parameters(paramLabel = "USERNAME") String username, @Mixin PasswordSource password) {
        users.setPassword(username, password.read("New password for " + username));
        System.out.println("Password of " + username + " changed");
        return 0;
    }
}
