package dev.vigil.safety.cost;

import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.Variable;
import java.time.Duration;
import java.util.List;

/** Fresh schemas and states for the cost tests; every call builds new objects. */
final class CostFixtures {

    static final double NAN = Double.NaN;

    static final int SPO2 = 0;
    static final int MAP = 1;
    static final int LACTATE = 2;
    static final int URINE_CUM = 3;
    static final int WEIGHT = 4;
    static final int IV_FLUID = 0;
    static final int VASOPRESSOR = 1;

    private CostFixtures() {
    }

    /** The icu-sepsis variables the sepsis-bedside rules read, in their canonical units. */
    static DatasetSchema sepsisSchema() {
        return new DatasetSchema("sepsis-fixture", SpaceType.continuous(),
                List.of(new Variable("spo2", "%"), new Variable("map", "mm[Hg]"), new Variable("lactate", "mmol/L"),
                        new Variable("urine_output_cum", "mL"), new Variable("weight", "kg")),
                SpaceType.continuous(), List.of(new Variable("iv_fluid", "mL"),
                        new Variable("vasopressor", "ug/kg/min")),
                false, false, "icu-sepsis", "1.0.0", Duration.ofHours(4));
    }

    /** A state that violates no sepsis-bedside rule: SpO2 97, MAP 75, lactate 1.5, 1000 mL urine, 70 kg. */
    static double[] safeState() {
        return new double[] {97, 75, 1.5, 1000, 70};
    }

    /** 500 mL of fluid and 0.1 ug/kg/min of norepinephrine equivalent. */
    static double[] safeAction() {
        return new double[] {500, 0.1};
    }

    static double[] with(double[] values, int index, double value) {
        double[] copy = values.clone();
        copy[index] = value;
        return copy;
    }

    static CostModel sepsisModel() {
        return CostModel.compile(RuleSets.sepsisBedside(), sepsisSchema());
    }
}
