package dev.vigil.worldmodel.synth;

/**
 * The true response of a patient's tumours to one protocol, at the follow-up CT.
 *
 * @param logKill E, the protocol's efficacy on this phenotype (log-kill units)
 * @param killFraction k = 1 - exp(-E): fraction of the viable tumour killed
 * @param shrinkFraction 1 - (volume after) / (volume before)
 * @param necroticFractionAfter necrotic fraction of the tumour volume after treatment
 * @param volumeAfterMl total tumour volume after treatment, mL
 * @param residualViableMl viable tumour volume after treatment, mL
 * @param hepatotoxicLoad H, the protocol's liver toxicity before scaling by liver reserve
 */
public record TreatmentResponse(double logKill, double killFraction, double shrinkFraction,
        double necroticFractionAfter, double volumeAfterMl, double residualViableMl, double hepatotoxicLoad) {
}
