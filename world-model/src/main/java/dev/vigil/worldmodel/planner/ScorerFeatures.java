package dev.vigil.worldmodel.planner;

import dev.vigil.safety.contraindication.TaceCovariates;
import dev.vigil.worldmodel.protocol.TaceComponent;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Every covariate the survival scorer can use (docs/planner.md): what the pre-treatment and (true or simulated)
 * post-treatment images show, three clinical covariates, the protocol's intensity, intensity times a
 * liver-frailty proxy (a combination's toxicity costs more in a poor liver; the images cannot show it), and
 * intensity split into its drug and embolic parts (drugs beyond the first, embolics beyond Lipiodol), and one
 * 0/1 column per embolic agent beyond Lipiodol (each agent its own toxicity and its own unsimulated effect). A scorer
 * uses a subset of these columns ({@link ScorerSpec#columns()}). Missing clinical values are NaN here and imputed
 * by the scorer with the training means.
 */
public final class ScorerFeatures {

    public static final String POST_VIABLE = "post_viable_log_ml";
    public static final String INTENSITY = "intensity";
    public static final String INTENSITY_X_FRAILTY = "intensity_x_frailty";
    public static final String EXTRA_DRUGS = "extra_drugs";
    public static final String EXTRA_EMBOLICS = "extra_embolics";

    /** Embolic agents beyond Lipiodol, in declaration order: one 0/1 column each. */
    static final List<TaceComponent> EXTRA_EMBOLIC_AGENTS = extraEmbolicAgents();

    /** Column names of a full row ({@link #of}), in order. */
    public static final List<String> NAMES = names();

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
        double[] row = {
            Math.log1p(post.viableMl()),
            Math.log1p(pre.tumourMl()),
            Double.isNaN(pre.meanHu()) ? 0 : pre.meanHu() / 100,
            cpScore,
            Math.log(covariates.bilirubin()),
            Math.log1p(covariates.afp()),
            intensity,
            intensity * liverFrailty(covariates),
            Math.max(0, protocol.drugs().size() - 1),
            Math.max(0, protocol.embolics().size() - 1)
        };
        double[] full = Arrays.copyOf(row, NAMES.size());
        for (int a = 0; a < EXTRA_EMBOLIC_AGENTS.size(); a++) {
            full[row.length + a] = protocol.contains(EXTRA_EMBOLIC_AGENTS.get(a)) ? 1 : 0;
        }
        return full;
    }

    /** Column name of an embolic agent's 0/1 column, e.g. {@code embolic_gelatin_sponge}. */
    public static String embolicColumn(TaceComponent agent) {
        return "embolic_" + agent.name().toLowerCase(Locale.ROOT);
    }

    private static List<TaceComponent> extraEmbolicAgents() {
        List<TaceComponent> agents = new ArrayList<>();
        for (TaceComponent c : TaceComponent.values()) {
            if (!c.isDrug() && c != TaceComponent.LIPIODOL) {
                agents.add(c);
            }
        }
        return List.copyOf(agents);
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>(List.of(POST_VIABLE, "pre_tumour_log_ml", "pre_mean_hu_per_100",
                "child_pugh_score", "log_bilirubin", "log_afp", INTENSITY, INTENSITY_X_FRAILTY, EXTRA_DRUGS,
                EXTRA_EMBOLICS));
        EXTRA_EMBOLIC_AGENTS.forEach(agent -> names.add(embolicColumn(agent)));
        return List.copyOf(names);
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
