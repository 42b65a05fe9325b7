package dev.vigil.api.cli;

import dev.vigil.api.dataset.DatasetService;
import dev.vigil.api.run.PolicyDocument;
import dev.vigil.api.run.ContinuousPolicyDocument;
import dev.vigil.api.run.RunService;
import dev.vigil.offlinerl.algo.continuous.PolicyOnnxExporter;
import dev.vigil.api.run.TrainingRun;
import dev.vigil.offlinerl.ope.DiscretePolicyEvaluation;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a trained discrete policy as CSV: one row of action probabilities per state id seen in its data. */
@Dependent
@Unremovable
@Command(name = "export-policy", mixinStandardHelpOptions = true,
        description = {"Write a run's policy to a file.",
            "Discrete states: CSV with header state,a0,...,aK and one row of action probabilities per",
            "state id seen in the run's dataset. Continuous states with discretised actions (ogsrl):",
            "the discretised policy as JSON. Continuous actions (cql-continuous, ccql, gcql, mb-trpo,",
            "gmb-trpo, mb-cpo, gmb-cpo, glagrangian): ONNX, input 'state' [N, features] in the",
            "dataset's units, output 'action' [N, actions] in clinical units."})
public class ExportPolicyCommand implements Callable<Integer> {

    @Inject
    RunService runs;

    @Inject
    DatasetService datasets;

    @Option(names = "--run", required = true, description = "Run id or a unique prefix (6+ characters).")
    String run;

    @Option(names = "--out", required = true, description = "The file to write.")
    Path out;

    private void writeAtomically(byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(out.toAbsolutePath().getParent(), ".export-", ".tmp");
        Files.write(temp, bytes);
        Files.move(temp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public Integer call() throws IOException {
        RunService.RunPolicy loaded = runs.policyOf(run, "export");
        TrainingRun trained = loaded.run();
        if (loaded.continuous()) {
            ContinuousPolicyDocument document = ContinuousPolicyDocument.read(loaded.stored(),
                    "policy of run " + trained.getId());
            writeAtomically(PolicyOnnxExporter.model(document.network()).toByteArray());
            System.out.printf("Wrote %s: ONNX policy network of run %s, state [N, %d] (%s) -> action [N, %d] (%s)%n",
                    out, trained.getId(), document.stateNames().size(), String.join(", ", document.stateNames()),
                    document.actionNames().size(), String.join(", ", document.actionNames()));
            return 0;
        }
        if (loaded.discretised()) {
            // Learned on continuous data: the policy is its table plus the state clusters and dose bins that
            // apply it to raw states. ONNX export of continuous policies comes with the continuous learners.
            writeAtomically(loaded.stored());
            System.out.printf("Wrote %s: discretised policy (state clusters, dose bins, action table) of run %s%n",
                    out, trained.getId());
            return 0;
        }
        PolicyDocument policy = loaded.document();
        int[] seen = DiscretePolicyEvaluation.seenStates(datasets.load(datasets.resolve(trained.getDatasetId())));
        Path temp = Files.createTempFile(out.toAbsolutePath().getParent(), ".export-", ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            w.write("state");
            for (int a = 0; a < policy.actions(); a++) {
                w.write(",a" + a);
            }
            w.newLine();
            for (int s : seen) {
                w.write(Integer.toString(s));
                for (double p : policy.probabilities()[s]) {
                    w.write(',');
                    w.write(String.format(Locale.ROOT, "%.10g", p));
                }
                w.newLine();
            }
        }
        // Never a half-written file under the requested name.
        Files.move(temp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("Wrote %s: %d states x %d actions from run %s%n", out, seen.length, policy.actions(),
                trained.getId());
        return 0;
    }
}
