package dev.vigil.ingestion.trajectory;

import dev.vigil.ingestion.cohort.ActionSource;
import dev.vigil.ingestion.cohort.ActionSpec;
import dev.vigil.ingestion.cohort.Aggregation;
import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.ingestion.fhir.ResourceOrigin;
import dev.vigil.ingestion.report.IngestionIssue;
import dev.vigil.ingestion.report.IngestionListener;
import dev.vigil.ingestion.report.IssueKind;

/**
 * The actions of an episode, per bloc; 0 where nothing was given, and nothing after the episode's end
 * (death, discharge).
 * <ul>
 *   <li>Doses are summed; a dose over a period is split across the blocs it overlaps in proportion to the
 *       overlap (a litre over 02:00-06:00 with blocs at 04:00 gives 500 mL to each).</li>
 *   <li>Rates take the maximum over every administration whose period overlaps the bloc. A rate stored per
 *       weight is divided by the latest weight measured at or before the administration's start; without
 *       one the administration is reported (MISSING_VALUE) and not used.</li>
 *   <li>Procedure components count in the bloc of the procedure: 1 (max) or the number of procedures (sum).</li>
 * </ul>
 */
final class ActionAssembler {

    private final CohortSpec spec;
    private final int weightFeature;

    ActionAssembler(CohortSpec spec) {
        this.spec = spec;
        String weight = spec.actions().stream().map(ActionSpec::weightFeature).filter(w -> w != null).findFirst()
                .orElse(null);
        int index = -1;
        for (int f = 0; f < spec.features().size(); f++) {
            if (spec.features().get(f).name().equals(weight)) {
                index = f;
            }
        }
        this.weightFeature = index;
    }

    /** @return shape (blocs, actions) */
    double[][] assemble(PatientFacts patient, Integer[] observations, BlocGrid grid, long endLimit,
            StepProvenance provenance, IngestionListener listener) {
        double[][] actions = new double[grid.blocs()][spec.actions().size()];
        for (Integer fact : patient.sortedActions()) {
            int action = patient.actAction(fact);
            ActionSpec actionSpec = spec.actions().get(action);
            long start = patient.actStart(fact);
            long end = patient.actEnd(fact);
            boolean instant = end == start;
            // Nothing given from death or discharge on counts; a dose cut short keeps its rate of giving.
            long usedEnd = Math.min(end, endLimit);
            if (start >= endLimit || (instant ? start < grid.start() : usedEnd <= grid.start())) {
                continue;
            }
            double value = patient.actValue(fact);
            int weightRef = -1;
            if ((patient.actFlags(fact) & PatientFacts.PER_WEIGHT) != 0) {
                int weight = latestWeight(patient, observations, start);
                if (weight < 0) {
                    reportNoWeight(patient, fact, actionSpec, listener);
                    continue;
                }
                value /= patient.obsValue(weight);
                weightRef = patient.obsRef(weight);
            }
            int ref = patient.actRef(fact);
            if (instant) {
                int bloc = grid.blocOf(start);
                combine(actions, bloc, action, actionSpec, value);
                note(provenance, bloc, ref, weightRef);
                continue;
            }
            for (int b = Math.max(0, grid.blocOf(Math.max(start, grid.start()))); b < grid.blocs(); b++) {
                long overlap = Math.min(usedEnd, grid.blocEnd(b)) - Math.max(start, grid.blocStart(b));
                if (overlap <= 0) {
                    break;
                }
                double share = actionSpec.source() == ActionSource.MEDICATION_DOSE
                        ? value * ((double) overlap / (end - start)) : value;
                combine(actions, b, action, actionSpec, share);
                note(provenance, b, ref, weightRef);
            }
        }
        return actions;
    }

    private static void combine(double[][] actions, int bloc, int action, ActionSpec spec, double value) {
        if (spec.aggregation() == Aggregation.SUM) {
            actions[bloc][action] += value;
        } else {
            actions[bloc][action] = Math.max(actions[bloc][action], value);
        }
    }

    private static void note(StepProvenance provenance, int bloc, int ref, int weightRef) {
        provenance.add(bloc, ref);
        if (weightRef >= 0) {
            provenance.add(bloc, weightRef);
        }
    }

    /** The latest weight observation at or before {@code time} (the last in sorted order), or -1. */
    private int latestWeight(PatientFacts patient, Integer[] observations, long time) {
        int found = -1;
        for (Integer fact : observations) {
            if (patient.obsTime(fact) > time) {
                break;
            }
            if (patient.obsFeature(fact) == weightFeature) {
                found = fact;
            }
        }
        return found;
    }

    private void reportNoWeight(PatientFacts patient, int fact, ActionSpec action, IngestionListener listener) {
        ResourceOrigin origin = patient.actOrigin(fact);
        listener.issue(new IngestionIssue(IssueKind.MISSING_VALUE, origin, patient.reference(patient.actRef(fact))
                + " (" + action.name() + "): the rate is not per kilogram and no " + action.weightFeature()
                + " was recorded for Patient/" + patient.patientId() + " at or before its start, so it cannot be "
                + "converted to " + action.unit() + "; it is not used"));
    }
}
