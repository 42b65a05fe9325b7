package dev.vigil.offlinerl.report;

import dev.vigil.offlinerl.discretise.DoseBins;
import dev.vigil.offlinerl.report.EvaluationReport.ActionHeatMaps;
import java.util.Locale;

/**
 * The AI Clinician's action heat maps: how often each (vasopressor bin, IV-fluid bin) was logged by the clinicians
 * and recommended by the policy at the same steps, and the confusion matrix clinician joint id to policy joint id.
 */
public final class ActionFrequencies {

    private ActionFrequencies() {
    }

    /**
     * Counts over steps.
     *
     * @param bins the joint dose grid; it must have exactly two actions
     * @param clinician logged joint ids, one per step
     * @param policy the policy's recommended joint ids at the same steps
     * @throws IllegalArgumentException when the grid is not 2-D or the arrays differ in length
     */
    public static ActionHeatMaps count(DoseBins bins, int[] clinician, int[] policy) {
        if (bins.actions().size() != 2) {
            throw new IllegalArgumentException("Action heat maps need a 2-D dose grid; got " + bins.actions().size()
                    + " actions");
        }
        if (clinician.length != policy.length) {
            throw new IllegalArgumentException("Clinician and policy actions differ in length: " + clinician.length
                    + " and " + policy.length);
        }
        int rowAction = rowAction(bins);
        int columnAction = 1 - rowAction;
        int rows = bins.actions().get(rowAction).count();
        int columns = bins.actions().get(columnAction).count();
        long[][] c = new long[rows][columns];
        long[][] p = new long[rows][columns];
        long[][] confusion = new long[bins.size()][bins.size()];
        for (int k = 0; k < clinician.length; k++) {
            int[] cb = bins.bins(clinician[k]);
            int[] pb = bins.bins(policy[k]);
            c[cb[rowAction]][cb[columnAction]]++;
            p[pb[rowAction]][pb[columnAction]]++;
            confusion[clinician[k]][policy[k]]++;
        }
        return new ActionHeatMaps(bins.actions().get(rowAction).name(), bins.actions().get(columnAction).name(), c, p,
                confusion);
    }

    /** Rows are the vasopressor (the action whose name mentions "vaso"), else the second action. */
    static int rowAction(DoseBins bins) {
        for (int a = 0; a < 2; a++) {
            if (bins.actions().get(a).name().toLowerCase(Locale.ROOT).contains("vaso")) {
                return a;
            }
        }
        return 1;
    }
}
