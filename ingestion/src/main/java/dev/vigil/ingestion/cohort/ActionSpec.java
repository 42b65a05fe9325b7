package dev.vigil.ingestion.cohort;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A treatment read per bloc. Blocs without any administration have the value 0.
 *
 * @param name column name, e.g. {@code vasopressor}
 * @param source which resources and elements are read
 * @param unit the unit of the action's values, e.g. {@code ug/kg/min} (norepinephrine equivalent)
 * @param aggregation sum for doses, max for rates, max or sum for procedure components
 * @param procedureCodes for {@link ActionSource#PROCEDURE_COMPONENT}: the Procedure codes whose components
 *     are read
 * @param ingredients the drugs or components that count, each with its conversion
 * @param weightFeature for {@link ActionSource#MEDICATION_RATE} with a per-kilogram unit: the feature (in kg)
 *     by whose latest value at the start of an administration a rate without the per-kilogram part (ug/min)
 *     is divided; null when rates are never normalised by weight
 * @param conversionSource where the ingredients' factors come from; required when any factor is not 1
 */
public record ActionSpec(String name, ActionSource source, String unit, Aggregation aggregation,
        List<Code> procedureCodes, List<IngredientSpec> ingredients, String weightFeature, String conversionSource) {

    public ActionSpec {
        Names.requireName(name, "Action");
        String what = "Action " + name;
        if (source == null) {
            throw new IllegalArgumentException(what + " needs source: medicationDose, medicationRate or "
                    + "procedureComponent");
        }
        Names.requireUnit(unit, what);
        if (aggregation == null) {
            throw new IllegalArgumentException(what + " needs aggregation (" + allowed(source) + ")");
        }
        procedureCodes = Names.copyOrEmpty(procedureCodes);
        ingredients = Names.copyOrEmpty(ingredients);
        if (ingredients.isEmpty()) {
            throw new IllegalArgumentException(what + " needs at least one ingredient (name and codes)");
        }
        checkSource(what, source, aggregation, procedureCodes, ingredients, weightFeature);
        Set<Code> seen = new HashSet<>();
        boolean scaled = false;
        for (IngredientSpec ingredient : ingredients) {
            for (Code code : ingredient.codes()) {
                if (!seen.add(code)) {
                    throw new IllegalArgumentException(what + " lists " + code + " in two ingredients; keep one");
                }
            }
            scaled |= ingredient.factorOrOne() != 1.0;
        }
        if (scaled && (conversionSource == null || conversionSource.isBlank())) {
            throw new IllegalArgumentException(what + " converts ingredients with factors other than 1: say where "
                    + "they come from in conversionSource (e.g. a publication)");
        }
    }

    private static void checkSource(String what, ActionSource source, Aggregation aggregation,
            List<Code> procedureCodes, List<IngredientSpec> ingredients, String weightFeature) {
        boolean aggregationFits = switch (source) {
            case MEDICATION_DOSE -> aggregation == Aggregation.SUM;
            case MEDICATION_RATE -> aggregation == Aggregation.MAX;
            case PROCEDURE_COMPONENT -> aggregation == Aggregation.MAX || aggregation == Aggregation.SUM;
        };
        if (!aggregationFits) {
            throw new IllegalArgumentException(what + " cannot use aggregation " + aggregation.name().toLowerCase()
                    + " with source " + source.name().toLowerCase() + ": use " + allowed(source));
        }
        if (source == ActionSource.PROCEDURE_COMPONENT) {
            Names.requireCodes(procedureCodes, what + " (procedureCodes)");
            for (IngredientSpec ingredient : ingredients) {
                if (ingredient.unit() != null || ingredient.factor() != null) {
                    throw new IllegalArgumentException(what + " counts procedure components: remove unit and factor "
                            + "from ingredient " + ingredient.name());
                }
            }
        } else if (!procedureCodes.isEmpty()) {
            throw new IllegalArgumentException(what + " reads MedicationAdministrations: remove procedureCodes");
        }
        if (weightFeature != null && source != ActionSource.MEDICATION_RATE) {
            throw new IllegalArgumentException(what + ": weightFeature applies to medicationRate actions only");
        }
    }

    private static String allowed(ActionSource source) {
        return switch (source) {
            case MEDICATION_DOSE -> "sum";
            case MEDICATION_RATE -> "max";
            case PROCEDURE_COMPONENT -> "max or sum";
        };
    }
}
