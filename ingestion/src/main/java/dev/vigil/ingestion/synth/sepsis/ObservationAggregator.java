package dev.vigil.ingestion.synth.sepsis;

/**
 * Turns a bloc's chart into the bloc's observation vector the way the {@code icu-sepsis} cohort aggregates
 * FHIR data: vitals are the mean of the bloc's values, GCS, FiO2 and laboratory values the last one (carried
 * forward from earlier blocs when none was charted: the schedule keeps every carry within the cohort's hold
 * limits), urine output the bloc's sum; the derived features follow the codes document.
 *
 * <p>The chart of a bloc of death holds only what was charted before the death, so it may lack features; in
 * bloc 0 there is nothing to carry them from and they are NaN (the cohort has them missing too).
 */
final class ObservationAggregator {

    private ObservationAggregator() {
    }

    /**
     * @param previous the previous bloc's observation, or null for the first bloc
     * @param fluidInputCumMl IV fluid given before this bloc
     * @param urineCumBeforeMl urine since the window start before this bloc
     */
    static SepsisObservation aggregate(PatientParameters patient, BlocChart chart, SepsisObservation previous,
            double fluidInputCumMl, double urineCumBeforeMl) {
        return aggregate(patient, chart, previous, fluidInputCumMl, urineCumBeforeMl, false);
    }

    /**
     * @param cutAtDeath whether {@code chart} is a bloc of death cut at the death, which may lack features
     */
    static SepsisObservation aggregate(PatientParameters patient, BlocChart chart, SepsisObservation previous,
            double fluidInputCumMl, double urineCumBeforeMl, boolean cutAtDeath) {
        double[] sums = new double[SepsisFeature.COUNT];
        int[] counts = new int[SepsisFeature.COUNT];
        double[] last = new double[SepsisFeature.COUNT];
        for (ChartedValue value : chart.values()) {
            int i = value.feature().ordinal();
            sums[i] += value.value();
            counts[i]++;
            last[i] = value.value();
        }
        double[] vector = new double[SepsisFeature.COUNT];
        for (SepsisFeature feature : SepsisFeature.inOrder()) {
            int i = feature.ordinal();
            switch (feature) {
                case HEART_RATE, SBP, DBP, MAP, RESP_RATE, SPO2, TEMPERATURE ->
                    vector[i] = counts[i] > 0 ? sums[i] / counts[i] : carried(previous, feature, cutAtDeath);
                case URINE_OUTPUT -> vector[i] = sums[i];
                case GCS, FIO2, PAO2, LACTATE, CREATININE, BILIRUBIN, PLATELETS, WBC, WEIGHT ->
                    vector[i] = counts[i] > 0 ? last[i] : carried(previous, feature, cutAtDeath);
                default -> {
                    // derived and static features are filled below
                }
            }
        }
        vector[SepsisFeature.URINE_OUTPUT_CUM.ordinal()] =
                urineCumBeforeMl + sums[SepsisFeature.URINE_OUTPUT.ordinal()];
        vector[SepsisFeature.FLUID_INPUT_CUM.ordinal()] = fluidInputCumMl;
        vector[SepsisFeature.PF_RATIO.ordinal()] =
                vector[SepsisFeature.PAO2.ordinal()] / (vector[SepsisFeature.FIO2.ordinal()] / 100);
        vector[SepsisFeature.AGE.ordinal()] = patient.ageYears();
        vector[SepsisFeature.GENDER.ordinal()] = patient.male() ? 1 : 0;
        return new SepsisObservation(vector);
    }

    private static double carried(SepsisObservation previous, SepsisFeature feature, boolean cutAtDeath) {
        if (previous == null && cutAtDeath) {
            return Double.NaN;
        }
        if (previous == null) {
            throw new IllegalStateException("The first bloc's chart has no " + feature.featureName()
                    + ": BlocCharter must chart every feature in bloc 0");
        }
        return previous.get(feature);
    }
}
