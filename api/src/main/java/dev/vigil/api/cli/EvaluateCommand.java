package dev.vigil.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.dataset.DatasetService;
import dev.vigil.offlinerl.discretise.DiscretisedPolicy;
import dev.vigil.offlinerl.tabular.TabularPolicy;
import dev.vigil.api.run.RunService;
import dev.vigil.api.run.TrainingRun;
import dev.vigil.offlinerl.ope.BootstrapConfig;
import dev.vigil.offlinerl.ope.DiscretePolicyEvaluation;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Off-policy evaluation of a run's policy on its dataset, printed as JSON. */
@Dependent
@Unremovable
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate a run's policy offline on its dataset; prints JSON.",
            "Policies learned on continuous data are evaluated in their own discretisation.",
            "Behaviour policy estimated with an epsilon floor; WIS, PDIS, WPDIS, FQE and weighted DR",
            "with bootstrap intervals (docs/ope.md)."})
public class EvaluateCommand implements Callable<Integer> {

    @Inject
    RunService runs;

    @Inject
    DatasetService datasets;

    @Option(names = "--run", required = true, description = "Run id or a unique prefix (6+ characters).")
    String run;

    @Option(names = "--epsilon", defaultValue = "0.01", description = "Behaviour floor on unseen actions.")
    double epsilon;

    @Option(names = "--bootstrap", defaultValue = "500", description = "Bootstrap replicates.")
    int replicates;

    @Override
    public Integer call() throws Exception {
        RunService.RunPolicy loaded = runs.policyOf(run, "evaluate");
        TrainingRun trained = loaded.run();
        var data = datasets.load(datasets.resolve(trained.getDatasetId()));
        DiscretePolicyEvaluation evaluation = new DiscretePolicyEvaluation(epsilon, 1.0,
                new BootstrapConfig(replicates, 0.95, trained.getSeed()));
        DiscretePolicyEvaluation.Summary summary;
        boolean onDiscretisedData = loaded.discretised();
        if (onDiscretisedData) {
            // Learned on continuous data: evaluate in the policy's own tabular space (its state clusters and
            // dose bins applied to the data), the space its behaviour estimate and FQE can be built in.
            DiscretisedPolicy policy = DiscretisedPolicy.fromJson(new String(loaded.stored(),
                    java.nio.charset.StandardCharsets.UTF_8));
            summary = evaluation.evaluate(policy.discretise(data), new TabularPolicy(policy.probabilities()));
        } else {
            summary = evaluation.evaluate(data, loaded.document().asTabular());
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("run", trained.getId());
        report.put("algorithm", trained.getAlgorithm());
        report.put("dataset", trained.getDatasetId());
        report.put("policySha256", trained.getPolicySha256());
        report.put("checkpoint", "last");
        report.put("onDiscretisedData", onDiscretisedData);
        report.put("evaluation", summary);
        System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        return 0;
    }
}
