package dev.vigil.ingestion.trajectory;

import dev.vigil.ingestion.report.IssueKind;
import dev.vigil.ingestion.units.UnitConversionException;
import dev.vigil.ingestion.units.UnitConverter;
import org.hl7.fhir.r4.model.Quantity;

/** The UCUM unit of a FHIR Quantity, read without guessing. */
final class Quantities {

    private Quantities() {
    }

    /**
     * {@code Quantity.code} when present, else {@code Quantity.unit} (which must then be a UCUM code itself);
     * null when neither is there.
     *
     * @throws UnitConversionException UNKNOWN_UNIT when {@code Quantity.system} names a system other than UCUM
     */
    static String ucumUnit(Quantity quantity) {
        String system = quantity.getSystem();
        if (system != null && !system.isEmpty() && !UnitConverter.UCUM_SYSTEM.equals(system)) {
            throw new UnitConversionException(IssueKind.UNKNOWN_UNIT, "the unit's system " + system
                    + " is not UCUM (" + UnitConverter.UCUM_SYSTEM + ")");
        }
        if (quantity.hasCode()) {
            return quantity.getCode();
        }
        return quantity.hasUnit() ? quantity.getUnit() : null;
    }
}
