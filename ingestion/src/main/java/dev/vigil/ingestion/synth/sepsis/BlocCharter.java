package dev.vigil.ingestion.synth.sepsis;

import static dev.vigil.ingestion.synth.sepsis.RandomDraws.clamp;
import static dev.vigil.ingestion.synth.sepsis.RandomDraws.gaussian;
import static dev.vigil.ingestion.synth.sepsis.RandomDraws.uniform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Charts one bloc from the latent state at its start: the true values of {@link Physiology} plus measurement
 * noise, rounded to {@link ChartPrecision} and clamped to the cohort's plausible ranges.
 *
 * <p>Schedule: vitals and urine output once an hour at a random minute 10..50 of the hour (never on a bloc
 * boundary, so no reader can put them in the wrong bloc); GCS and FiO2 once a bloc; a laboratory panel
 * (PaO2, lactate, creatinine, bilirubin, platelets, WBC) in the window's first hour and then every 6 to 12
 * hours; weight once, with the first vitals. Every call draws the same number of random values.
 */
final class BlocCharter {

    static final int BLOC_MINUTES = 240;
    private static final SepsisFeature[] HOURLY = {
        SepsisFeature.HEART_RATE, SepsisFeature.SBP, SepsisFeature.DBP, SepsisFeature.MAP,
        SepsisFeature.RESP_RATE, SepsisFeature.SPO2, SepsisFeature.TEMPERATURE, SepsisFeature.URINE_OUTPUT
    };

    private BlocCharter() {
    }

    /** A bloc's chart and when the next laboratory panel is due. */
    record Charted(BlocChart chart, int nextLabMinute) {
    }

    /** The minute of the first laboratory panel: within the window's first hour. */
    static int firstLabMinute(SplittableRandom rng) {
        return 5 + rng.nextInt(51);
    }

    static Charted chart(PatientParameters patient, LatentState state, int bloc, int nextLabMinute,
            SplittableRandom rng) {
        int blocStart = bloc * BLOC_MINUTES;
        List<ChartedValue> values = new ArrayList<>(40);
        double map = Physiology.meanArterialPressure(patient, state);
        double pulsePressure = Physiology.pulsePressure(state);
        double heartRate = Physiology.heartRate(patient, state);
        double respiratoryRate = Physiology.respiratoryRate(state);
        double pao2 = Physiology.arterialOxygen(state);
        double saturation = Physiology.saturation(pao2);
        double temperature = Physiology.temperature(patient, state);
        double urine = Physiology.urinePerHour(patient, state, map);
        int assessmentHour = rng.nextInt(4);
        int assessmentMinute = 0;
        for (int hour = 0; hour < 4; hour++) {
            int minute = blocStart + hour * 60 + 10 + rng.nextInt(41);
            double hourMap = map + 4 * gaussian(rng);
            double hourPulse = pulsePressure + 3 * gaussian(rng);
            double[] hourly = {
                heartRate + 5 * gaussian(rng),
                hourMap + 2.0 / 3.0 * hourPulse,
                hourMap - 1.0 / 3.0 * hourPulse,
                hourMap,
                respiratoryRate + 1.5 * gaussian(rng),
                saturation + 1.2 * gaussian(rng),
                temperature + 0.25 * gaussian(rng),
                urine * StrictMath.exp(0.25 * gaussian(rng))
            };
            if (bloc == 0 && hour == 0) {
                add(values, SepsisFeature.WEIGHT, minute, patient.weightKg());
            }
            for (int i = 0; i < HOURLY.length; i++) {
                add(values, HOURLY[i], minute, hourly[i]);
            }
            if (hour == assessmentHour) {
                assessmentMinute = minute;
                add(values, SepsisFeature.GCS, minute, Physiology.glasgowComaScore(state, map) + 0.7 * gaussian(rng));
                add(values, SepsisFeature.FIO2, minute, state.fio2());
            } else {
                gaussian(rng); // keep the draw count fixed
            }
        }
        double[] labNoise = new double[6];
        for (int i = 0; i < labNoise.length; i++) {
            labNoise[i] = gaussian(rng);
        }
        double interval = uniform(rng, 360, 720);
        int next = nextLabMinute;
        if (nextLabMinute < blocStart + BLOC_MINUTES) {
            int minute = Math.max(nextLabMinute, blocStart);
            List<ChartedValue> labs = List.of(
                    charted(SepsisFeature.PAO2, minute, pao2 * StrictMath.exp(0.06 * labNoise[0])),
                    charted(SepsisFeature.LACTATE, minute, state.lactate() * StrictMath.exp(0.08 * labNoise[1])),
                    charted(SepsisFeature.CREATININE, minute,
                            Physiology.creatinine(patient, state) * StrictMath.exp(0.05 * labNoise[2])),
                    charted(SepsisFeature.BILIRUBIN, minute,
                            Physiology.bilirubin(patient, state) * StrictMath.exp(0.08 * labNoise[3])),
                    charted(SepsisFeature.PLATELETS, minute, state.platelets() * StrictMath.exp(0.06 * labNoise[4])),
                    charted(SepsisFeature.WBC, minute,
                            Physiology.whiteCells(patient, state) * StrictMath.exp(0.08 * labNoise[5])));
            values.addAll(labs);
            next = minute + (int) interval;
        }
        values.sort(Comparator.comparingInt(ChartedValue::minute)
                .thenComparingInt(value -> value.feature().ordinal()));
        return new Charted(new BlocChart(bloc, values), next);
    }

    private static void add(List<ChartedValue> values, SepsisFeature feature, int minute, double raw) {
        values.add(charted(feature, minute, raw));
    }

    private static ChartedValue charted(SepsisFeature feature, int minute, double raw) {
        double value = ChartPrecision.round(clampToPlausible(feature, raw), ChartPrecision.decimals(feature));
        return new ChartedValue(feature, minute, value);
    }

    /** The plausible ranges of {@code docs/cohorts/icu-sepsis-codes.md}, tightened where physiology demands. */
    private static double clampToPlausible(SepsisFeature feature, double value) {
        return switch (feature) {
            case HEART_RATE -> clamp(value, 20, 250);
            case SBP -> clamp(value, 30, 250);
            case DBP -> clamp(value, 10, 200);
            case MAP -> clamp(value, 20, 200);
            case RESP_RATE -> clamp(value, 4, 70);
            case SPO2 -> clamp(value, 50, 100);
            case TEMPERATURE -> clamp(value, 30, 43);
            case GCS -> clamp(value, 3, 15);
            case FIO2 -> clamp(value, 21, 100);
            case PAO2 -> clamp(value, 25, 700);
            case LACTATE -> clamp(value, 0.3, 30);
            case CREATININE -> clamp(value, 0.2, 30);
            case BILIRUBIN -> clamp(value, 0.1, 80);
            case PLATELETS -> clamp(value, 3, 2000);
            case WBC -> clamp(value, 0.1, 500);
            case URINE_OUTPUT -> clamp(value, 0, 5000);
            case WEIGHT -> clamp(value, 1, 400);
            default -> throw new IllegalArgumentException(feature + " is derived, never charted");
        };
    }
}
