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
            "pre_tumour_log_ml", "pre_mean_hu_per_100", "post_tumour_log_ml", "post_viable_log_ml",
            "post_necrotic_fraction", "shrink_fraction", "child_pugh_score", "log_bilirubin", "log_afp",
            "intensity", "intensity_x_child_pugh_above_5");

    /** Index of the first clinical column (the ones that may be missing). */
    static final int CLINICAL_FROM = 6;
    static final int CLINICAL_TO = 9;

    private ScorerFeatures() {}

    /** One row. */
    public static double[] of(ImageSummary pre, ImageSummary post, TaceCovariates covariates,
            TaceProtocol protocol) {
        double cpScore = covariates.childPughScore() == null ? Double.NaN : covariates.childPughScore();
        double intensity = intensity(protocol);
        double shrink = pre.tumourMl() > 0 ? 1 - post.tumourMl() / pre.tumourMl() : 0;
        return new double[] {
            Math.log1p(pre.tumourMl()),
            Double.isNaN(pre.meanHu()) ? 0 : pre.meanHu() / 100,
            Math.log1p(post.tumourMl()),
            Math.log1p(post.viableMl()),
            post.necroticFraction(),
            shrink,
            cpScore,
            Math.log(covariates.bilirubin()),
            Math.log1p(covariates.afp()),
            intensity,
            Double.isNaN(cpScore) ? Double.NaN : intensity * (cpScore - 5)
        };
    }

    /** Drugs plus embolic agents beyond Lipiodol: 1 for a single drug with Lipiodol, up to 3. */
    public static double intensity(TaceProtocol protocol) {
        return protocol.drugs().size() + protocol.embolics().size() - (protocol.embolics().isEmpty() ? 0 : 1);
    }
}
