package dev.vigil.worldmodel.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.worldmodel.survival.BaselineHazard;
import dev.vigil.worldmodel.survival.CoxModel;
import dev.vigil.worldmodel.survival.CoxRegression;
import dev.vigil.worldmodel.survival.SurvivalCurve;
import dev.vigil.worldmodel.survival.SurvivalData;
import dev.vigil.worldmodel.survival.Ties;
import dev.vigil.worldmodel.volume.Mask;
import dev.vigil.worldmodel.volume.Volume;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inverse of the dynamics: a Cox model (Efron ties) of survival after TACE on a subset of
 * {@link ScorerFeatures} ({@link ScorerSpec#columns()}), fitted on training cases whose post-treatment features
 * come from their true follow-up images ({@link #fit(List)}) or from the world model's simulation of the protocol
 * they were given ({@link ScorerFit}), and applied at planning time to SIMULATED ones. Missing clinical values are
 * replaced by the training means. Risk = the linear predictor (log relative hazard against the training mean
 * patient); the predicted curve is S(t) = exp(-H0(t) exp(risk)). A spec's set charges ({@link ScorerSpec#charges()})
 * replace, after the fit, what the scorer charges for adding an embolic agent ({@link #withSetCharges}).
 */
public final class SurvivalScorer {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<String> names;
    private final int[] columns;
    private final ScorerSpec.Source source;
    private final double[] coefficients;
    private final double[] centre;
    private final double[] imputation;
    private final BaselineHazard baseline;
    private final double concordance;
    private final int subjects;
    private final int events;
    private final Map<String, Double> charges;

    SurvivalScorer(List<String> names, ScorerSpec.Source source, double[] coefficients, double[] centre,
            double[] imputation, BaselineHazard baseline, double concordance, int subjects, int events,
            Map<String, Double> charges) {
        ScorerSpec.requireOrderedSubset(names, "survival scorer");
        this.charges = new ScorerSpec(names, source, charges).charges();
        this.names = List.copyOf(names);
        this.columns = ScorerSpec.indices(names);
        this.source = source;
        this.coefficients = coefficients.clone();
        this.centre = centre.clone();
        this.imputation = imputation.clone();
        this.baseline = baseline;
        this.concordance = concordance;
        this.subjects = subjects;
        this.events = events;
    }

    SurvivalScorer(List<String> names, ScorerSpec.Source source, double[] coefficients, double[] centre,
            double[] imputation, BaselineHazard baseline, double concordance, int subjects, int events) {
        this(names, source, coefficients, centre, imputation, baseline, concordance, subjects, events, Map.of());
    }

    /** Fits a spec's columns on full feature rows, then applies its set charges. */
    public static SurvivalScorer fit(double[][] rows, double[] times, int[] events, ScorerSpec spec) {
        SurvivalScorer fitted = fit(rows, times, events, spec.columns(), spec.source());
        return spec.charges().isEmpty() ? fitted : fitted.withSetCharges(spec.charges(), rows);
    }

    /** Fits the default columns on training cases with their true follow-up images. */
    public static SurvivalScorer fit(List<TrainingCase> cases) {
        return ScorerFit.measured(cases, ScorerSpec.defaults().columns());
    }

    /** Fits the default columns on full rows of measured features ({@link ScorerFeatures#NAMES} order). */
    public static SurvivalScorer fit(double[][] rows, double[] times, int[] events) {
        return fit(rows, times, events, ScorerSpec.defaults().columns(), ScorerSpec.Source.MEASURED);
    }

    /**
     * Fits {@code columns} on full feature rows ({@link ScorerFeatures#NAMES} order; NaN = missing);
     * {@code source} records where the post-treatment features came from.
     */
    public static SurvivalScorer fit(double[][] rows, double[] times, int[] events, List<String> columns,
            ScorerSpec.Source source) {
        ScorerSpec.requireOrderedSubset(columns, "survival scorer");
        if (rows.length < columns.size() + 2) {
            throw new IllegalArgumentException("the survival scorer needs at least " + (columns.size() + 2)
                    + " training cases, got " + rows.length);
        }
        int[] index = ScorerSpec.indices(columns);
        double[][] selected = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            requireFullRow(rows[i], "training row " + i);
            selected[i] = select(rows[i], index);
        }
        double[] means = columnMeans(selected);
        double[][] complete = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            complete[i] = impute(selected[i], means);
        }
        SurvivalData data = new SurvivalData(times, events, complete, columns, "scorer training cases");
        CoxModel model = CoxRegression.fit(data, Ties.EFRON);
        return new SurvivalScorer(columns, source, model.coefficients(), model.centre(), means,
                model.baseline(), model.fit().concordance(), data.size(), data.eventCount());
    }

    /**
     * This scorer with set toxicity charges (docs/planner.md "Set toxicity charges"). The Cox fit's charge for
     * adding an embolic agent X to a protocol, in a normal liver, is the sum of the coefficients of the columns X
     * raises by one: {@code intensity}, {@code extra_embolics} and X's own 0/1 column, each where the scorer has
     * it. Set to c (ln(1 + viable mL) units), X's own column gets the coefficient c x beta_viable minus the other
     * two, so that adding X changes the risk by exactly c x beta_viable plus whatever the fitted
     * intensity-by-frailty term adds. A column the fit lacked joins with its training mean as centre and
     * imputation; every other coefficient, the centres and the baseline hazard stay the fit's.
     *
     * @param rows the full training rows of the fit ({@link ScorerFeatures#NAMES} order)
     */
    SurvivalScorer withSetCharges(Map<String, Double> setCharges, double[][] rows) {
        int viable = names.indexOf(ScorerFeatures.POST_VIABLE);
        double betaViable = coefficients[viable];
        if (!(betaViable > 0)) {
            throw new IllegalArgumentException("set toxicity charges are in units of ln(1 + viable mL) and need a"
                    + " positive " + ScorerFeatures.POST_VIABLE + " coefficient; the fit gave " + betaViable);
        }
        double shared = coefficientOf(ScorerFeatures.INTENSITY) + coefficientOf(ScorerFeatures.EXTRA_EMBOLICS);
        List<String> merged = new ArrayList<>();
        for (String name : ScorerFeatures.NAMES) {
            if (names.contains(name) || setCharges.containsKey(name)) {
                merged.add(name);
            }
        }
        double[] beta = new double[merged.size()];
        double[] mid = new double[merged.size()];
        double[] fill = new double[merged.size()];
        for (int j = 0; j < merged.size(); j++) {
            String name = merged.get(j);
            int own = names.indexOf(name);
            if (own >= 0) {
                beta[j] = coefficients[own];
                mid[j] = centre[own];
                fill[j] = imputation[own];
            } else {
                int column = ScorerFeatures.NAMES.indexOf(name);
                double sum = 0;
                for (double[] row : rows) {
                    sum += row[column];
                }
                mid[j] = sum / rows.length;
                fill[j] = mid[j];
            }
            Double charge = setCharges.get(name);
            if (charge != null) {
                beta[j] = charge * betaViable - shared;
            }
        }
        return new SurvivalScorer(merged, source, beta, mid, fill, baseline, concordance, subjects, events,
                setCharges);
    }

    private double coefficientOf(String name) {
        int j = names.indexOf(name);
        return j < 0 ? 0 : coefficients[j];
    }

    /**
     * Toxicity charges set rather than fitted, by embolic column, in ln(1 + viable mL) (empty: all fitted).
     */
    public Map<String, Double> setCharges() {
        return charges;
    }

    private static void requireFullRow(double[] row, String what) {
        if (row.length != ScorerFeatures.NAMES.size()) {
            throw new IllegalArgumentException(what + " has " + row.length + " values, expected "
                    + ScorerFeatures.NAMES.size() + " " + ScorerFeatures.NAMES);
        }
    }

    private static double[] select(double[] row, int[] index) {
        double[] out = new double[index.length];
        for (int j = 0; j < index.length; j++) {
            out[j] = row[index[j]];
        }
        return out;
    }

    /** Full feature row of a training case from its true images. */
    public static double[] trueFeatures(TrainingCase c) {
        double voxelMl = c.pre().preCt().geometry().voxelVolumeMm3() / 1000;
        ImageSummary pre = summary(c.pre().preCt(), c.pre().preMask(), voxelMl);
        ImageSummary post = summary(c.postCt(), c.postMask(), voxelMl);
        return ScorerFeatures.of(pre, post, c.pre().covariates(), c.given());
    }

    static ImageSummary summary(Volume ct, Mask mask, double voxelMl) {
        return ImageSummary.of(ct.voxels(), VolumeEncoding.encode(mask), voxelMl);
    }

    /**
     * Risk (linear predictor) of a full feature row ({@link ScorerFeatures#NAMES} order; the scorer reads its own
     * columns); NaN entries take the training means.
     */
    public double risk(double[] features) {
        requireFullRow(features, "feature row");
        double[] x = impute(select(features, columns), imputation);
        double eta = 0;
        for (int j = 0; j < x.length; j++) {
            eta += (x[j] - centre[j]) * coefficients[j];
        }
        return eta;
    }

    /** Predicted survival curve at a risk. */
    public SurvivalCurve curve(double risk) {
        return baseline.survival(risk);
    }

    /** First time the predicted survival falls to 0.5 or below; NaN when the curve never gets there. */
    public static double medianDays(SurvivalCurve curve) {
        for (int k = 0; k < curve.times().length; k++) {
            if (curve.survival()[k] <= 0.5) {
                return curve.times()[k];
            }
        }
        return Double.NaN;
    }

    /** The columns this scorer uses, a subset of {@link ScorerFeatures#NAMES}. */
    public List<String> featureNames() {
        return names;
    }

    /** Where the training cases' post-treatment features came from. */
    public ScorerSpec.Source source() {
        return source;
    }

    public double[] coefficients() {
        return coefficients.clone();
    }

    public double[] centre() {
        return centre.clone();
    }

    public double[] imputation() {
        return imputation.clone();
    }

    public BaselineHazard baseline() {
        return baseline;
    }

    /** Harrell's C of the fit on its training data. */
    public double concordance() {
        return concordance;
    }

    private static double[] columnMeans(double[][] rows) {
        int p = rows[0].length;
        double[] means = new double[p];
        for (int j = 0; j < p; j++) {
            double sum = 0;
            int n = 0;
            for (double[] row : rows) {
                if (!Double.isNaN(row[j])) {
                    sum += row[j];
                    n++;
                }
            }
            means[j] = n == 0 ? 0 : sum / n;
        }
        return means;
    }

    private static double[] impute(double[] row, double[] means) {
        double[] out = row.clone();
        for (int j = 0; j < out.length; j++) {
            if (!Double.isFinite(out[j])) {
                out[j] = means[j];
            }
        }
        return out;
    }

    /** The scorer as JSON ({@code vigil-survival-scorer/1}). */
    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "vigil-survival-scorer/1");
        root.put("model", "cox-efron");
        root.put("postTreatmentFeatures", source.label());
        root.put("subjects", subjects);
        root.put("events", events);
        root.put("concordance", concordance);
        ArrayNode features = root.putArray("features");
        for (int j = 0; j < names.size(); j++) {
            ObjectNode f = features.addObject();
            f.put("name", names.get(j));
            f.put("coefficient", coefficients[j]);
            f.put("centre", centre[j]);
            f.put("imputation", imputation[j]);
        }
        if (!charges.isEmpty()) {
            ObjectNode set = root.putObject("setToxicityCharges");
            charges.forEach(set::put);
        }
        ArrayNode t = root.putArray("baselineTimes");
        ArrayNode h = root.putArray("baselineCumulativeHazard");
        for (int k = 0; k < baseline.times().length; k++) {
            t.add(baseline.times()[k]);
            h.add(baseline.cumulativeHazard()[k]);
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads {@link #toJson()}; {@code source} names the file in messages. */
    public static SurvivalScorer fromJson(byte[] json, String source) {
        try {
            JsonNode root = JSON.readTree(json);
            if (!"vigil-survival-scorer/1".equals(root.path("format").asText())) {
                throw new IllegalArgumentException(source + ": format is '" + root.path("format").asText()
                        + "', expected vigil-survival-scorer/1");
            }
            JsonNode features = root.path("features");
            List<String> names = new ArrayList<>();
            double[] beta = new double[features.size()];
            double[] centre = new double[features.size()];
            double[] imputation = new double[features.size()];
            for (int j = 0; j < features.size(); j++) {
                names.add(features.get(j).path("name").asText());
                beta[j] = features.get(j).path("coefficient").asDouble();
                centre[j] = features.get(j).path("centre").asDouble();
                imputation[j] = features.get(j).path("imputation").asDouble();
            }
            ScorerSpec.requireOrderedSubset(names, source);
            // Scorers written before the feature source was recorded were all fitted on measured follow-ups.
            ScorerSpec.Source fittedOn = ScorerSpec.Source.parse(root.path("postTreatmentFeatures").asText("measured"));
            JsonNode times = root.path("baselineTimes");
            JsonNode hazard = root.path("baselineCumulativeHazard");
            double[] t = new double[times.size()];
            double[] h = new double[hazard.size()];
            for (int k = 0; k < t.length; k++) {
                t[k] = times.get(k).asDouble();
                h[k] = hazard.get(k).asDouble();
            }
            Map<String, Double> set = new LinkedHashMap<>();
            root.path("setToxicityCharges").fields().forEachRemaining(e -> set.put(e.getKey(), e.getValue()
                    .asDouble()));
            return new SurvivalScorer(names, fittedOn, beta, centre, imputation, new BaselineHazard(t, h),
                    root.path("concordance").asDouble(), root.path("subjects").asInt(), root.path("events").asInt(),
                    set);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not valid JSON: " + e.getMessage(), e);
        }
    }
}
