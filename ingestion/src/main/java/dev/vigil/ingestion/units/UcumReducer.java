package dev.vigil.ingestion.units;

import dev.vigil.ingestion.report.IssueKind;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.fhir.ucum.BaseUnit;
import org.fhir.ucum.Component;
import org.fhir.ucum.Decimal;
import org.fhir.ucum.DefinedUnit;
import org.fhir.ucum.ExpressionParser;
import org.fhir.ucum.Factor;
import org.fhir.ucum.Operator;
import org.fhir.ucum.Symbol;
import org.fhir.ucum.Term;
import org.fhir.ucum.UcumException;
import org.fhir.ucum.UcumModel;

/**
 * Reduces a UCUM expression to a {@link ReducedUnit} with UCUM's own parser and definitions.
 *
 * <p>Why not {@code UcumEssenceService.getCanonicalForm}: it folds moles and arbitrary units into plain
 * numbers (see {@link ReducedUnit}) and maps {@code [pH]} linearly to mol/L. This walk follows the same
 * grammar (a division applies to the one component after the solidus, as in the library's converter) but
 * stops at {@code mol} and at arbitrary units, and refuses special (non-linear) units.
 */
final class UcumReducer {

    private static final String MOLE = "mol";

    private final UcumModel model;
    private final Set<String> arbitraryUnits;

    UcumReducer(UcumModel model, Set<String> arbitraryUnits) {
        this.model = model;
        this.arbitraryUnits = Set.copyOf(arbitraryUnits);
    }

    /**
     * @throws UnitConversionException UNCONVERTIBLE_UNIT for special units inside an expression, UNKNOWN_UNIT
     *     when UCUM cannot parse the expression
     */
    ReducedUnit reduce(String unit) {
        try {
            return reduceTerm(new ExpressionParser(model).parse(unit), unit);
        } catch (UcumException e) {
            throw new UnitConversionException(IssueKind.UNKNOWN_UNIT,
                    "'" + unit + "' is not a valid UCUM unit: " + e.getMessage());
        }
    }

    private ReducedUnit reduceTerm(Term term, String whole) throws UcumException {
        ReducedUnit result = ReducedUnit.ONE;
        boolean divide = false;
        for (Term t = term; t != null; t = t.getTerm()) {
            Component component = t.getComp();
            if (component != null) {
                ReducedUnit part = reduceComponent(component, whole);
                result = result.times(divide ? part.power(-1) : part);
            }
            divide = t.getOp() == Operator.DIVISION;
        }
        return result;
    }

    private ReducedUnit reduceComponent(Component component, String whole) throws UcumException {
        if (component instanceof Term inner) {
            return reduceTerm(inner, whole);
        }
        if (component instanceof Factor factor) {
            return new ReducedUnit(BigDecimal.valueOf(factor.getValue()), Map.of());
        }
        if (component instanceof Symbol symbol) {
            return reduceSymbol(symbol, whole);
        }
        throw new UcumException("unexpected part of a unit expression: " + component.getClass().getSimpleName());
    }

    private ReducedUnit reduceSymbol(Symbol symbol, String whole) throws UcumException {
        ReducedUnit unit;
        if (symbol.getUnit() == null) {
            unit = ReducedUnit.ONE; // the literal unit "1"
        } else if (symbol.getUnit() instanceof BaseUnit base) {
            unit = new ReducedUnit(BigDecimal.ONE, Map.of(base.getCode(), 1));
        } else {
            unit = reduceDefined((DefinedUnit) symbol.getUnit(), whole);
        }
        if (symbol.getPrefix() != null) {
            unit = unit.scaled(decimal(symbol.getPrefix().getValue()));
        }
        return unit.power(symbol.getExponent());
    }

    private ReducedUnit reduceDefined(DefinedUnit unit, String whole) throws UcumException {
        String code = unit.getCode();
        if (MOLE.equals(code)) {
            return new ReducedUnit(BigDecimal.ONE, Map.of(MOLE, 1));
        }
        if (unit.isSpecial()) {
            throw new UnitConversionException(IssueKind.UNCONVERTIBLE_UNIT, "'" + whole + "' contains the special "
                    + "(non-linear) unit " + code + ", which converts only to itself"
                    + (whole.equals(code) ? "" : "; only a bare temperature (Cel, [degF], [degRe]) converts"));
        }
        if (arbitraryUnits.contains(code)) {
            // [IU] is defined as 1 [iU]: follow such aliases to the root so that both name one dimension.
            String valueUnit = unit.getValue().getUnit();
            BigDecimal value = decimal(unit.getValue().getValue());
            if (arbitraryUnits.contains(valueUnit) && model.getUnit(valueUnit) instanceof DefinedUnit root) {
                return reduceDefined(root, whole).scaled(value);
            }
            return new ReducedUnit(BigDecimal.ONE, Map.of(code, 1));
        }
        ReducedUnit definition = reduceTerm(new ExpressionParser(model).parse(unit.getValue().getUnit()), whole);
        return definition.scaled(decimal(unit.getValue().getValue()));
    }

    private static BigDecimal decimal(Decimal value) {
        return new BigDecimal(value.asDecimal());
    }
}
