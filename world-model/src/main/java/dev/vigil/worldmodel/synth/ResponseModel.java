package dev.vigil.worldmodel.synth;

import dev.vigil.worldmodel.protocol.TaceComponent;
import dev.vigil.worldmodel.protocol.TaceProtocol;

/**
 * The true tumour response to a TACE protocol (docs/methods/synthetic-hcc.md, section 2). Each component has
 * an efficacy e(phenotype) in log-kill units, linear in the enhancement index v, the smallness s, the
 * largeness l, the bulk m and the necrotic fraction n of {@link TumourPhenotype}:
 * <pre>
 *   E = e_Lipiodol + e_best drug + 0.5 e_other drug + e_other embolic        (diminishing return of a 2nd drug)
 *   k = 1 - exp(-E)                                                         (fraction of viable tumour killed)
 *   V_after = V n + V (1 - n)(1 - k) + V (1 - n) k (1 - r),   r = 0.6        (60 % of killed tissue resorbed)
 * </pre>
 * Platinum agents work better on hypovascular tumours, anthracyclines on hypervascular ones (idarubicin on
 * large, pirarubicin on small ones), mitomycin on necrotic (hypoxic) ones; particles on large hypervascular
 * tumours, absolute alcohol on small ones; Lipiodol is the baseline. Each component also has a hepatotoxic
 * load; the survival model scales it by liver reserve, so that a second drug pays off only in a good liver.
 */
public final class ResponseModel {

    /** Fraction of newly killed tumour resorbed by the follow-up CT. */
    public static final double RESORPTION = 0.6;
    /** Weight of the weaker drug of a two-drug protocol. */
    public static final double SECOND_DRUG_WEIGHT = 0.5;

    private ResponseModel() {
    }

    /** The efficacy of one component on a phenotype, log-kill units, {@code >= 0}. */
    public static double efficacy(TaceComponent component, TumourPhenotype phenotype) {
        double v = phenotype.enhancement();
        double s = phenotype.smallness();
        double l = phenotype.largeness();
        double m = phenotype.bulk();
        double n = phenotype.necroticFraction();
        double e = switch (component) {
            case RALTITREXED -> 0.20 + 0.10 * (1 - v);
            case EPIRUBICIN -> 0.15 + 0.55 * v;
            case OXALIPLATIN -> 0.15 + 0.45 * (1 - v);
            case LOBAPLATIN -> 0.18 + 0.38 * (1 - v) + 0.08 * s;
            case MITOMYCIN -> 0.18 + 0.90 * n;
            case IDARUBICIN -> 0.05 + 0.60 * v + 0.25 * l;
            case NEDAPLATIN -> 0.12 + 0.42 * (1 - v);
            case PIRARUBICIN -> 0.20 + 0.45 * v + 0.12 * s;
            case CISPLATIN -> 0.10 + 0.50 * (1 - v) + 0.15 * l;
            case LIPIODOL -> 0.30 + 0.20 * v;
            case GELATIN_SPONGE -> 0.10 + 0.35 * v * m;
            case PVA -> 0.05 + 0.55 * v * l;
            case ABSOLUTE_ALCOHOL -> 0.60 * s - 0.05;
            case NBCA -> 0.12 + 0.20 * v * m;
        };
        return Math.max(0, e);
    }

    /**
     * The hepatotoxic load of one component: drugs by class, embolics by how much liver they take with them
     * (absolute alcohol's grows with the tumour diameter D in cm).
     */
    public static double toxicity(TaceComponent component, TumourPhenotype phenotype) {
        return switch (component) {
            case RALTITREXED -> 0.10;
            case EPIRUBICIN, PIRARUBICIN -> 0.15;
            case IDARUBICIN -> 0.20;
            case OXALIPLATIN, LOBAPLATIN -> 0.12;
            case NEDAPLATIN -> 0.10;
            case CISPLATIN -> 0.18;
            case MITOMYCIN -> 0.15;
            case LIPIODOL -> 0.05;
            case GELATIN_SPONGE -> 0.08;
            case PVA -> 0.15;
            case ABSOLUTE_ALCOHOL -> 0.08 + 0.06 * phenotype.largestDiameterCm();
            case NBCA -> 0.12;
        };
    }

    /** The response of {@code patient}'s tumours to {@code protocol} (any protocol; validity is not checked). */
    public static TreatmentResponse respond(HccPatient patient, TaceProtocol protocol) {
        TumourPhenotype phenotype = patient.phenotype();
        double best = 0;
        double other = 0;
        double load = 0;
        for (TaceComponent drug : protocol.drugs()) {
            double e = efficacy(drug, phenotype);
            if (e > best) {
                other += best;
                best = e;
            } else {
                other += e;
            }
            load += toxicity(drug, phenotype);
        }
        double logKill = best + SECOND_DRUG_WEIGHT * other;
        for (TaceComponent embolic : protocol.embolics()) {
            logKill += efficacy(embolic, phenotype);
            load += toxicity(embolic, phenotype);
        }
        double kill = 1 - Math.exp(-logKill);
        double volume = patient.tumourVolumeMl();
        double necrotic = volume * phenotype.necroticFraction();
        double viable = volume - necrotic;
        double newlyNecrotic = viable * kill * (1 - RESORPTION);
        double residual = viable * (1 - kill);
        double after = necrotic + residual + newlyNecrotic;
        return new TreatmentResponse(logKill, kill, 1 - after / volume, (necrotic + newlyNecrotic) / after, after,
                residual, load);
    }
}
