package dev.vigil.worldmodel.planner;

import dev.vigil.worldmodel.protocol.TaceProtocol;
import dev.vigil.worldmodel.volume.Mask;
import dev.vigil.worldmodel.volume.Volume;

/**
 * One treated patient to learn from: the case before, the protocol given, the follow-up CT and mask, and the
 * observed survival from the TACE.
 *
 * @param pre the patient before treatment
 * @param given the protocol given
 * @param postCt follow-up CT crop in HU, on the pre-treatment grid
 * @param postMask follow-up tumour mask, on the pre-treatment grid (may be empty: complete response)
 * @param survivalDays days from the TACE to death or last follow-up
 * @param death whether death was observed
 */
public record TrainingCase(HccCase pre, TaceProtocol given, Volume postCt, Mask postMask, double survivalDays,
        boolean death) {

    public TrainingCase {
        if (pre == null || given == null || postCt == null || postMask == null) {
            throw new IllegalArgumentException("training case needs pre, given, postCt and postMask");
        }
        String id = pre.patientId();
        postCt.geometry().requireSameGrid(pre.preCt().geometry(), "patient " + id + " post-treatment CT",
                "pre-treatment CT");
        postMask.geometry().requireSameGrid(pre.preCt().geometry(), "patient " + id + " post-treatment mask",
                "pre-treatment CT");
        if (!(survivalDays >= 0) || Double.isInfinite(survivalDays)) {
            throw new IllegalArgumentException("patient " + id + ": survivalDays " + survivalDays
                    + " is not a finite non-negative number");
        }
    }
}
