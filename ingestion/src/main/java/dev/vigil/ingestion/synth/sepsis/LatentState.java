package dev.vigil.ingestion.synth.sepsis;

import java.util.Arrays;

/**
 * The true (hidden) physiology at the start of a bloc. Observable values are functions of it plus charting
 * noise ({@link Physiology}, {@link BlocCharter}); {@link SepsisDynamics} advances it by one bloc.
 *
 * @param infection infection burden (dimensionless, about 0.2 to 3): drives severity
 * @param severity systemic inflammation and organ dysfunction (dimensionless, 0 = well, 2 = typical sepsis,
 *     4+ = near death); the main driver of vitals, labs and death
 * @param volume intravascular volume relative to the optimum, litres (negative = hypovolaemic)
 * @param lungInjury pulmonary oedema / lung injury (0 = none): lowers PaO2/FiO2 and SpO2
 * @param kidneyInjury acute kidney injury (0 = none): creatinine = baseline * (1 + kidneyInjury)
 * @param liverInjury (0 = none): bilirubin = baseline * (1 + 1.5 * liverInjury)
 * @param lactate true arterial lactate, mmol/L
 * @param platelets true platelet count, 10*3/uL
 * @param fio2 inspired oxygen fraction set by the bedside team for this bloc, % (titrated on the previous
 *     bloc's oxygenation, not an action)
 * @param vasopressor the infusion running as this bloc starts (the previous bloc's action), ug/kg/min
 *     norepinephrine equivalent
 */
public record LatentState(
        double infection,
        double severity,
        double volume,
        double lungInjury,
        double kidneyInjury,
        double liverInjury,
        double lactate,
        double platelets,
        double fio2,
        double vasopressor) {

    public LatentState {
        double[] all = {infection, severity, volume, lungInjury, kidneyInjury, liverInjury, lactate, platelets, fio2,
                vasopressor};
        for (double value : all) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("Latent state values must be finite: " + Arrays.toString(all));
            }
        }
    }
}
