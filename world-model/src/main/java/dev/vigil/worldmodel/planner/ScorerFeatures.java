package dev.vigil.worldmodel.planner;

import dev.vigil.safety.contraindication.TaceCovariates;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import java.util.List;

/**
 * The survival scorer's covariates (docs/planner.md): what the pre-treatment and (true or simulated)
 * post-treatment images show, three clinical covariates, and the protocol's intensity, alone and times liver
 * reserve (a combination's toxicity costs more in a poor liver; the images cannot show it). Missing clinical
 * values are NaN here and imputed by the scorer with the training means.
 */
public final class ScorerFeatures {

    /** Column names, in order. */
    public static final List<String> NAMES = List.of(
            "post_viable_log_ml", "pre_tumour_log_ml", "pre_mean_hu_per_100", "child_pugh_score", "log_bilirubin",
            "log_afp", "intensity");

    private ScorerFeatures() {}

    /**
     * One row. Only what drives survival after TACE enters, one column per idea: correlated image columns
     * (pre and post tumour volume, shrinkage, necrotic fraction, viable volume together) gave a Cox fit with
     * large coefficients of opposite signs, under which a smaller simulated tumour could score worse.
     */
    public static double[] of(ImageSummary pre, ImageSummary post, TaceCovariates covariates,
            TaceProtocol protocol) {
        double cpScore = covariates.childPughScore() == null ? Double.NaN : covariates.childPughScore();
        return new double[] {
            Math.log1p(post.viableMl()),
            Math.log1p(pre.tumourMl()),
            Double.isNaN(pre.meanHu()) ? 0 : pre.meanHu() / 100,
            cpScore,
            Math.log(covariates.bilirubin()),
            Math.log1p(covariates.afp()),
            intensity(protocol)
        };
    }

    /** Drugs plus embolic agents beyond Lipiodol: 1 for a single drug with Lipiodol, up to 3. */
    public static double intensity(TaceProtocol protocol) {
        return protocol.drugs().size() + protocol.embolics().size() - (protocol.embolics().isEmpty() ? 0 : 1);
    }
}
