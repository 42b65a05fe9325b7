package dev.vigil.ingestion.trajectory;

import dev.vigil.ingestion.cohort.AnchorResource;
import dev.vigil.ingestion.fhir.ResourceOrigin;
import dev.vigil.ingestion.report.IssueKind;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;
import org.hl7.fhir.r4.model.Type;

/**
 * Procedures: anchors (the first TACE) and procedure-component actions, one event per component carried in
 * {@code Procedure.usedCode}. The time is {@code performedDateTime} or {@code performedPeriod.start}.
 * Procedures entered in error or not done are skipped.
 */
final class ProcedureMapper {

    private final CohortAccumulator accumulator;

    ProcedureMapper(CohortAccumulator accumulator) {
        this.accumulator = accumulator;
    }

    void map(Procedure procedure, ResourceOrigin origin) {
        if (procedure.getStatus() == ProcedureStatus.ENTEREDINERROR
                || procedure.getStatus() == ProcedureStatus.NOTDONE) {
            return;
        }
        SpecIndex index = accumulator.index();
        String label = CohortAccumulator.label(procedure);
        boolean anchor = index.isAnchor(AnchorResource.PROCEDURE, procedure.getCode());
        List<Integer> actions = index.procedureActions(procedure.getCode());
        if (!anchor && actions.isEmpty()) {
            accumulator.report(IssueKind.UNMAPPED_CODE, origin, label + ": code "
                    + SpecIndex.describe(procedure.getCode()) + " is not mapped by cohort " + index.spec().id());
            return;
        }
        PatientFacts patient = accumulator.subject(procedure.getSubject(), procedure, origin);
        if (patient == null) {
            return;
        }
        Type performed = procedure.getPerformed();
        long[] interval = FhirTimes.interval(performed);
        if (interval == null) {
            accumulator.report(IssueKind.MISSING_VALUE, origin, label + ": no performedDateTime or "
                    + "performedPeriod.start (at least a date); it is not used");
            return;
        }
        if (performed instanceof Period && interval[1] != FhirTimes.NONE && interval[1] < interval[0]) {
            accumulator.report(IssueKind.OUT_OF_ORDER_TIME, origin, label + ": performedPeriod.end is before "
                    + "performedPeriod.start; it is not used");
            return;
        }
        long time = interval[0];
        patient.seen(interval[1] == FhirTimes.NONE ? time : interval[1]);
        int ref = patient.addRef(SourceType.PROCEDURE, CohortAccumulator.idOf(procedure, origin));
        if (anchor) {
            patient.addAnchor(time, ref);
        }
        for (CodeableConcept used : procedure.getUsedCode()) {
            boolean mapped = false;
            for (SpecIndex.IngredientRef component : index.component(used)) {
                if (actions.contains(component.action())) {
                    patient.addAction(component.action(), time, time, 1.0, (byte) 0, ref, null);
                    mapped = true;
                }
            }
            if (!mapped) {
                accumulator.report(IssueKind.UNMAPPED_CODE, origin, label + ": usedCode " + SpecIndex.describe(used)
                        + " is not a component the cohort " + index.spec().id() + " reads for this procedure");
            }
        }
    }
}
