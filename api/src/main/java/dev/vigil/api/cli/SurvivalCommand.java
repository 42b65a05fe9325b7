package dev.vigil.api.cli;

import dev.vigil.worldmodel.survival.CoxModel;
import dev.vigil.worldmodel.survival.CoxRegression;
import dev.vigil.worldmodel.survival.SurvivalCsv;
import dev.vigil.worldmodel.survival.SurvivalData;
import dev.vigil.worldmodel.survival.Ties;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Survival analysis on any CSV: a Cox proportional-hazards fit printed as JSON. */
@Dependent
@Unremovable
@Command(name = "survival", mixinStandardHelpOptions = true, description = "Survival analysis (docs/survival.md).")
public class SurvivalCommand {

    @Command(name = "fit", mixinStandardHelpOptions = true,
            description = {"Fit a Cox proportional-hazards model to a CSV with a time column, an event column",
                "(1 = event, 0 = censored) and numeric covariates; prints coefficients, standard errors,",
                "hazard ratios, log-likelihoods and concordance as JSON. Matches R's survival::coxph."})
    int fit(@Option(names = "--csv", required = true, description = "The CSV file (header row first).") Path csv,
            @Option(names = "--time", required = true, description = "Time column.") String time,
            @Option(names = "--event", required = true, description = "Event column (0/1).") String event,
            @Option(names = "--ties", defaultValue = "efron",
                    description = "Tie handling: breslow or efron (R's default; default ${DEFAULT-VALUE}).")
            String ties,
            @Option(names = "--covariates", split = ",",
                    description = "Covariate columns (default: every other numeric column).") List<String> covariates) {
        Ties method = switch (ties.toLowerCase(java.util.Locale.ROOT)) {
            case "breslow" -> Ties.BRESLOW;
            case "efron" -> Ties.EFRON;
            default -> throw new IllegalArgumentException("--ties must be breslow or efron, got '" + ties + "'");
        };
        SurvivalData data = SurvivalCsv.read(csv, time, event, covariates);
        CoxModel model = CoxRegression.fit(data, method);
        System.out.println(model.fit().toJson());
        return 0;
    }
}
