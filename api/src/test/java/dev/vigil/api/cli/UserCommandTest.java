package dev.vigil.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

/** The command line, launched through the real main class. */
@QuarkusMainTest
class UserCommandTest {

    @Test
    @Launch("--help")
    void helpListsTheCommands(LaunchResult result) {
        assertThat(result.getOutput()).contains("serve").contains("demo").contains("user");
    }

    @Test
    @Launch(value = {"user", "add", "nurse.n", "--role", "nurse", "--password-stdin"}, exitCode = 2)
    void anUnknownRoleIsOneClearLine(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("Unknown role 'nurse'").doesNotContain("Exception");
    }

    @Test
    void addsAndListsAUserWithoutATerminal(QuarkusMainLauncher launcher) {
        // No console and no --password-stdin: refuse rather than hang or invent a password.
        LaunchResult noPassword = launcher.launch("user", "add", "cli.user", "--role", "researcher");
        assertThat(noPassword.exitCode()).isEqualTo(2);
        assertThat(noPassword.getErrorOutput()).contains("--password-stdin");

        LaunchResult list = launcher.launch("user", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.getOutput()).doesNotContain("cli.user");
    }
}
