package dev.vigil.worldmodel.planner;

import dev.vigil.safety.contraindication.TaceCovariates;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import java.util.List;

/**
 * Every covariate the survival scorer can use (docs/planner.md): what the pre-treatment and (true or simulated)
 * post-treatment images show, three clinical covariates, the protocol's intensity, and intensity times a
 * liver-frailty proxy (a combination's toxicity costs more in a poor liver; the images cannot show it). A scorer
 * uses a subset of these columns ({@link ScorerSpec#columns()}). Missing clinical values are NaN here and imputed
 * by the scorer with the training means.
 */
public final class ScorerFeatures {

    public static final String POST_VIABLE = "post_viable_log_ml";
    public static final String INTENSITY = "intensity";
    public static final String INTENSITY_X_FRAILTY = "intensity_x_frailty";

    /** Column names of a full row ({@link #of}), in order. */
    public static final List<String> NAMES = List.of(
            POST_VIABLE, "pre_tumour_log_ml", "pre_mean_hu_per_100", "child_pugh_score", "log_bilirubin",
            "log_afp", INTENSITY, INTENSITY_X_FRAILTY);

    /** Child-Pugh score of a normal liver (the scale's minimum): frailty counts the points above it. */
    static final double NORMAL_CHILD_PUGH = 5;
    /** Upper limit of normal bilirubin, mg/dL: frailty counts the excess above it. */
    static final double NORMAL_BILIRUBIN_MG_DL = 1.2;

    private ScorerFeatures() {}

    /**
     * One full row ({@link #NAMES} order). Only what drives survival after TACE enters, one column per idea:
     * correlated image columns (pre and post tumour volume, shrinkage, necrotic fraction, viable volume together)
     * gave a Cox fit with large coefficients of opposite signs, under which a smaller simulated tumour could score
     * worse.
     */
    public static double[] of(ImageSummary pre, ImageSummary post, TaceCovariates covariates,
            TaceProtocol protocol) {
        double cpScore = covariates.childPughScore() == null ? Double.NaN : covariates.childPughScore();
        double intensity = intensity(protocol);
        return new double[] {
            Math.log1p(post.viableMl()),
            Math.log1p(pre.tumourMl()),
            Double.isNaN(pre.meanHu()) ? 0 : pre.meanHu() / 100,
            cpScore,
            Math.log(covariates.bilirubin()),
            Math.log1p(covariates.afp()),
            intensity,
            intensity * liverFrailty(covariates)
        };
    }

    /** Drugs plus embolic agents beyond Lipiodol: 1 for a single drug with Lipiodol, up to 3. */
    public static double intensity(TaceProtocol protocol) {
        return protocol.drugs().size() + protocol.embolics().size() - (protocol.embolics().isEmpty() ? 0 : 1);
    }

    /**
     * Liver-frailty proxy from routine labs: Child-Pugh points above 5 plus bilirubin above 1.2 mg/dL (0 for a
     * normal liver). A missing value counts as normal, so that the interaction column still varies with the
     * protocol for that patient (imputing the product with a training mean would make intensity's extra cost
     * vanish for exactly the patients whose liver is unknown).
     */
    public static double liverFrailty(TaceCovariates covariates) {
        double cp = covariates.childPughScore() == null ? 0 : Math.max(0, covariates.childPughScore()
                - NORMAL_CHILD_PUGH);
        double bilirubin = Double.isNaN(covariates.bilirubin()) ? 0 : Math.max(0, covariates.bilirubin()
                - NORMAL_BILIRUBIN_MG_DL);
        return cp + bilirubin;
    }
}
