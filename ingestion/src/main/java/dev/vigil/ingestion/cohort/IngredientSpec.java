package dev.vigil.ingestion.cohort;

import java.util.List;

/**
 * One drug (or procedure component) that counts towards an action, with how its amount becomes the action's
 * unit: {@code action value = amount converted to unit * factor}.
 *
 * @param name a label, e.g. {@code vasopressin}
 * @param codes the medication (RxNorm) or component codes
 * @param unit the UCUM unit the factor applies to, e.g. {@code U/min} for vasopressin; null means the action's
 *     unit. Not allowed for procedure components, which count
 * @param factor multiplies the converted amount, e.g. 2.5 norepinephrine-equivalent ug/kg/min per U/min of
 *     vasopressin; null means 1
 */
public record IngredientSpec(String name, List<Code> codes, String unit, Double factor) {

    public IngredientSpec {
        Names.requireName(name, "Ingredient");
        codes = Names.requireCodes(codes, "Ingredient " + name);
        if (unit != null && unit.isBlank()) {
            throw new IllegalArgumentException("Ingredient " + name + " has a blank unit: remove it or give a UCUM unit");
        }
        if (factor != null && !(factor > 0 && Double.isFinite(factor))) {
            throw new IllegalArgumentException("Ingredient " + name + " needs a positive, finite factor, got " + factor);
        }
    }

    /** The factor, 1 when not given. */
    public double factorOrOne() {
        return factor == null ? 1.0 : factor;
    }
}
