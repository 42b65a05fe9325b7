package dev.vigil.api.cli;

import dev.vigil.api.audit.AuditVerification;
import dev.vigil.api.audit.AuditVerifier;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The audit trail from the command line: {@code vigil audit verify}. */
@Dependent
@Unremovable
@Command(name = "audit", mixinStandardHelpOptions = true, subcommands = AuditCommand.Verify.class,
        description = "The hash-chained audit trail of recommendations, cards and feedback (docs/audit.md).")
public class AuditCommand implements Callable<Integer> {

    /** Exit code when the chain is broken. */
    public static final int BROKEN = 4;

    @Override
    public Integer call() {
        System.err.println("Name a subcommand: vigil audit verify");
        return 2;
    }

    /** Walks the chain and names the first entry changed or removed. */
    @Dependent
    @Unremovable
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Walk the audit chain in order and name the first entry changed or removed.",
                "Prints 'OK: N entries, head <hash>' (exit 0) or 'BROKEN at entry <seq>: <problem>' (exit 4)."})
    public static class Verify implements Callable<Integer> {

        @Inject
        AuditVerifier verifier;

        @Override
        public Integer call() {
            return report(verifier.verify(), System.out);
        }

        /** Prints the outcome in one line and returns the exit code. */
        static int report(AuditVerification verification, PrintStream out) {
            if (verification.valid()) {
                out.println("OK: " + verification.entries() + " entries, head " + verification.headHash());
                return 0;
            }
            out.println("BROKEN at entry " + verification.firstBadSeq() + ": " + verification.problem());
            return BROKEN;
        }
    }
}
