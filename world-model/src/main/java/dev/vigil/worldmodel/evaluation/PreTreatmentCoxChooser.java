package dev.vigil.worldmodel.evaluation;

import dev.vigil.worldmodel.planner.HccCase;
import dev.vigil.worldmodel.planner.ImageSummary;
import dev.vigil.worldmodel.planner.TrainingCase;
import dev.vigil.worldmodel.planner.VolumeEncoding;
import dev.vigil.worldmodel.protocol.ProtocolSpace;
import dev.vigil.worldmodel.protocol.TaceComponent;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import dev.vigil.worldmodel.survival.CoxModel;
import dev.vigil.worldmodel.survival.CoxRegression;
import dev.vigil.worldmodel.survival.SurvivalData;
import dev.vigil.worldmodel.survival.Ties;
import java.util.ArrayList;
import java.util.List;

/**
 * Baseline without a world model: a Cox model (Efron ties) of survival on pre-treatment features (tumour
 * log volume, mean HU, Child-Pugh score, log bilirubin, log AFP; missing values take the training means) and
 * the protocol's components as 0/1 main effects (components that never vary in training are left out), choosing
 * the valid protocol of lowest predicted risk. With main effects only, the choice is the same for every patient.
 */
public final class PreTreatmentCoxChooser implements ProtocolChooser {

    private static final int PATIENT_FEATURES = 5;

    private final CoxModel model;
    private final List<TaceComponent> components;
    private final double[] means;

    public PreTreatmentCoxChooser(List<TrainingCase> training) {
        List<TaceComponent> varying = new ArrayList<>();
        for (TaceComponent component : TaceComponent.values()) {
            long with = training.stream().filter(c -> c.given().contains(component)).count();
            if (with > 0 && with < training.size()) {
                varying.add(component);
            }
        }
        components = List.copyOf(varying);
        double[][] patient = new double[training.size()][];
        for (int i = 0; i < training.size(); i++) {
            patient[i] = patientFeatures(training.get(i).pre());
        }
        means = new double[PATIENT_FEATURES];
        for (int j = 0; j < PATIENT_FEATURES; j++) {
            double sum = 0;
            int n = 0;
            for (double[] row : patient) {
                if (Double.isFinite(row[j])) {
                    sum += row[j];
                    n++;
                }
            }
            means[j] = n == 0 ? 0 : sum / n;
        }
        double[][] rows = new double[training.size()][];
        double[] times = new double[training.size()];
        int[] events = new int[training.size()];
        for (int i = 0; i < training.size(); i++) {
            rows[i] = row(patient[i], training.get(i).given());
            times[i] = training.get(i).survivalDays();
            events[i] = training.get(i).death() ? 1 : 0;
        }
        List<String> names = new ArrayList<>(List.of("pre_tumour_log_ml", "pre_mean_hu_per_100", "child_pugh_score",
                "log_bilirubin", "log_afp"));
        components.forEach(c -> names.add(c.actionColumn()));
        model = CoxRegression.fit(new SurvivalData(times, events, rows, names, "pre-treatment Cox baseline"),
                Ties.EFRON);
    }

    private static double[] patientFeatures(HccCase c) {
        double voxelMl = c.preCt().geometry().voxelVolumeMm3() / 1000;
        ImageSummary pre = ImageSummary.of(c.preCt().voxels(), VolumeEncoding.encode(c.preMask()), voxelMl);
        Integer score = c.covariates().childPughScore();
        return new double[] {Math.log1p(pre.tumourMl()), pre.meanHu() / 100, score == null ? Double.NaN : score,
            Math.log(c.covariates().bilirubin()), Math.log1p(c.covariates().afp())};
    }

    private double[] row(double[] patient, TaceProtocol protocol) {
        double[] row = new double[PATIENT_FEATURES + components.size()];
        for (int j = 0; j < PATIENT_FEATURES; j++) {
            row[j] = Double.isFinite(patient[j]) ? patient[j] : means[j];
        }
        for (int k = 0; k < components.size(); k++) {
            row[PATIENT_FEATURES + k] = protocol.contains(components.get(k)) ? 1 : 0;
        }
        return row;
    }

    @Override
    public String name() {
        return "Cox on pre-treatment features + protocol (no world model)";
    }

    @Override
    public TaceProtocol choose(HccCase patient) {
        double[] features = patientFeatures(patient);
        TaceProtocol best = null;
        double bestRisk = Double.POSITIVE_INFINITY;
        for (TaceProtocol protocol : ProtocolSpace.validProtocols()) {
            double risk = model.linearPredictor(row(features, protocol));
            if (risk < bestRisk) {
                bestRisk = risk;
                best = protocol;
            }
        }
        return best;
    }

    public CoxModel model() {
        return model;
    }
}
