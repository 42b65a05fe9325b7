package dev.vigil.ingestion.cohort;

/**
 * The molar mass of the substance a feature measures, which lets ingestion convert amount-of-substance
 * concentrations (umol/L) to mass concentrations (mg/dL) and back. Without it such a conversion is refused.
 *
 * @param gramsPerMole g/mol, positive
 * @param source where the figure comes from, e.g. a PubChem compound id; required so that it can be checked
 */
public record MolarMass(double gramsPerMole, String source) {

    public MolarMass {
        if (!(gramsPerMole > 0) || !Double.isFinite(gramsPerMole)) {
            throw new IllegalArgumentException("molarMass.gramsPerMole must be a positive number of g/mol, got "
                    + gramsPerMole);
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("molarMass.source is missing: say where " + gramsPerMole
                    + " g/mol comes from (e.g. PubChem CID 588, C4H7N3O)");
        }
    }
}
