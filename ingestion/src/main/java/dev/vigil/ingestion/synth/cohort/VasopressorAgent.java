package dev.vigil.ingestion.synth.cohort;

/**
 * The vasopressors the synthetic cohort charts, with the RxNorm ingredient, the rate unit and the
 * norepinephrine-equivalent factor of {@code docs/cohorts/icu-sepsis-codes.md} (Goradia et al. 2021).
 * The simulated action is always a norepinephrine equivalent; the charted rate is that divided by the factor.
 */
public enum VasopressorAgent {
    NOREPINEPHRINE("7512", "norepinephrine", "ug/kg/min", 1.0, 3),
    EPINEPHRINE("3992", "epinephrine", "ug/kg/min", 1.0, 3),
    /** 0.04 U/min = 0.1 ug/kg/min norepinephrine equivalent. */
    VASOPRESSIN("11149", "vasopressin", "U/min", 2.5, 4);

    private final String rxNorm;
    private final String display;
    private final String unit;
    private final double equivalentFactor;
    private final int decimals;

    VasopressorAgent(String rxNorm, String display, String unit, double equivalentFactor, int decimals) {
        this.rxNorm = rxNorm;
        this.display = display;
        this.unit = unit;
        this.equivalentFactor = equivalentFactor;
        this.decimals = decimals;
    }

    public String rxNorm() {
        return rxNorm;
    }

    public String display() {
        return display;
    }

    /** UCUM code of the charted rate. */
    public String unit() {
        return unit;
    }

    /** Norepinephrine equivalent per unit of this agent's rate. */
    public double equivalentFactor() {
        return equivalentFactor;
    }

    /**
     * Decimals of the charted rate: enough that rate * factor is exactly the simulated dose, which has two
     * decimals (vasopressin: dose / 2.5 = dose * 0.4 has at most three).
     */
    public int decimals() {
        return decimals;
    }

    /** The charted rate for a norepinephrine-equivalent dose. */
    public double rateFor(double norepinephrineEquivalent) {
        return norepinephrineEquivalent / equivalentFactor;
    }
}
