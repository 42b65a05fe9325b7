package dev.vigil.ingestion.synth.sepsis;

import static dev.vigil.ingestion.synth.sepsis.RandomDraws.clamp;

import java.util.SplittableRandom;

/**
 * The simulated clinician: a rule-based resuscitation policy on the charted observations, with dose noise,
 * and a known rate of unsafe choices. The behaviour policy of every synthetic cohort.
 *
 * <p>The rules (MAP target m, default 65; fluid per kg since the window start f):
 * <ol>
 *   <li>Fluids: MAP &lt; m or lactate &ge; 4 mmol/L: a 1000 mL bolus while f &lt; 30 mL/kg (the Surviving
 *       Sepsis Campaign's initial volume), 500 mL after; MAP &lt; m + 5 or lactate &ge; 2: 500 mL; otherwise
 *       maintenance, 250 mL in half of the blocs. Suspected overload (f &gt; 50 mL/kg or SpO2 &lt; 92 %) caps
 *       fluid at 250 mL. Volume is multiplied by a log-normal noise (sd 0.2) and rounded to 50 mL.</li>
 *   <li>Vasopressor: MAP &lt; m once fluids have been tried (f &ge; 20 mL/kg), or already on one, or MAP &lt;
 *       55: start at 0.10 or raise the previous dose by 0.05..0.10 ug/kg/min; MAP &gt; m + 5 on a
 *       vasopressor: wean to 60 % (stop below 0.03); otherwise keep the previous dose. Titration starts from
 *       the previous dose capped at the ceiling (an unsafe overdose is corrected the next bloc). Dose noise
 *       log-normal sd 0.15, rounded to 0.01.</li>
 *   <li>The rule's result is clipped to the ceilings (fluid &le; 2000 mL, vasopressor &le; 0.5 ug/kg/min), so
 *       the rule itself never makes one of the unsafe choices below.</li>
 *   <li>Unsafe choices: with probability {@code unsafeRate} per decision, independently of the patient, the
 *       decision is replaced by one of the applicable unsafe choices, picked uniformly: withholding the
 *       vasopressor the rule prescribed while MAP &lt; m; fluid 500..2000 mL above the ceiling; vasopressor
 *       0.1..0.7 ug/kg/min above the ceiling. The choice made is returned with the action.</li>
 * </ol>
 *
 * <p>Every decision draws the same number of random values.
 */
public final class ClinicianPolicy implements SepsisPolicy {

    private final ClinicianPolicyConfig config;

    public ClinicianPolicy(ClinicianPolicyConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("A clinician needs a config: use ClinicianPolicyConfig.defaults()");
        }
        this.config = config;
    }

    public ClinicianPolicyConfig config() {
        return config;
    }

    @Override
    public SepsisAction act(PolicyInput input, SplittableRandom rng) {
        return decide(input, rng).action();
    }

    /** The bloc's decision, labelled with the unsafe choice it was replaced by (or NONE). */
    public Decision decide(PolicyInput input, SplittableRandom rng) {
        double maintenanceDraw = rng.nextDouble();
        double fluidNoise = RandomDraws.gaussian(rng);
        double doseNoise = RandomDraws.gaussian(rng);
        double escalationDraw = rng.nextDouble();
        double unsafeDraw = rng.nextDouble();
        double kindDraw = rng.nextDouble();
        double amountDraw = rng.nextDouble();

        SepsisObservation now = input.current();
        double map = now.get(SepsisFeature.MAP);
        double lactate = now.get(SepsisFeature.LACTATE);
        double fluidPerKg = now.get(SepsisFeature.FLUID_INPUT_CUM) / now.get(SepsisFeature.WEIGHT);
        double target = config.mapTarget();

        double fluid;
        if (map < target || lactate >= 4) {
            fluid = fluidPerKg < 30 ? 1000 : 500;
        } else if (map < target + 5 || lactate >= 2) {
            fluid = 500;
        } else {
            fluid = maintenanceDraw < 0.5 ? 250 : 0;
        }
        if (fluidPerKg > 50 || now.get(SepsisFeature.SPO2) < 92) {
            fluid = Math.min(fluid, 250);
        }
        fluid = clamp(Math.rint(fluid * StrictMath.exp(0.2 * fluidNoise) / 50) * 50, 0, config.fluidCeilingMl());

        double previous = Math.min(input.previousAction().vasopressor(), config.vasopressorCeiling());
        double dose;
        if (map < target && (fluidPerKg >= 20 || previous > 0 || map < 55)) {
            dose = previous > 0 ? previous + 0.05 + 0.05 * escalationDraw : 0.10;
        } else if (previous > 0 && map > target + 5) {
            dose = previous * 0.6;
            dose = dose < 0.03 ? 0 : dose;
        } else {
            dose = previous;
        }
        dose = clamp(Math.rint(dose * StrictMath.exp(0.15 * doseNoise) * 100) / 100, 0, config.vasopressorCeiling());

        if (unsafeDraw >= config.unsafeRate()) {
            return Decision.safe(new SepsisAction(fluid, dose));
        }
        boolean canWithhold = map < target && dose > 0;
        UnsafeChoice kind = pick(kindDraw, canWithhold);
        return switch (kind) {
            case WITHHELD_VASOPRESSOR -> new Decision(new SepsisAction(fluid, 0), kind);
            case FLUID_ABOVE_CEILING -> new Decision(new SepsisAction(
                    Math.rint((config.fluidCeilingMl() + 500 + 1500 * amountDraw) / 50) * 50, dose), kind);
            case VASOPRESSOR_ABOVE_CEILING -> new Decision(new SepsisAction(fluid,
                    Math.rint((config.vasopressorCeiling() + 0.1 + 0.6 * amountDraw) * 100) / 100), kind);
            case NONE -> throw new IllegalStateException("pick never returns NONE");
        };
    }

    private static UnsafeChoice pick(double draw, boolean canWithhold) {
        if (canWithhold) {
            return draw < 1.0 / 3 ? UnsafeChoice.WITHHELD_VASOPRESSOR
                    : draw < 2.0 / 3 ? UnsafeChoice.FLUID_ABOVE_CEILING : UnsafeChoice.VASOPRESSOR_ABOVE_CEILING;
        }
        return draw < 0.5 ? UnsafeChoice.FLUID_ABOVE_CEILING : UnsafeChoice.VASOPRESSOR_ABOVE_CEILING;
    }
}
