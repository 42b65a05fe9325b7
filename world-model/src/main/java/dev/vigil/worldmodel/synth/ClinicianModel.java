package dev.vigil.worldmodel.synth;

import dev.vigil.safety.contraindication.ChildPughClass;
import dev.vigil.worldmodel.protocol.ProtocolSpace;
import dev.vigil.worldmodel.protocol.TaceComponent;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated clinician who chose each patient's protocol (docs/methods/synthetic-hcc.md, section 4): house
 * rules applied to what the clinician sees, with the enhancement misread by N(0, 0.15), and with probability
 * {@value #DEVIATION_RATE} a departure to a uniformly random valid protocol (preference, availability, habit).
 * The rules ignore the necrotic fraction, liver reserve beyond the Child-Pugh class and most agents, so the
 * clinician often misses the best protocol.
 * <ol>
 *   <li>Drug: Epirubicin when the tumour looks hypervascular (read enhancement {@code >= 0.5}), else
 *       Oxaliplatin; add Raltitrexed when the largest lesion is {@code >= 5} cm and Child-Pugh class is A.</li>
 *   <li>Embolic: Lipiodol; add PVA when the lesion is {@code >= 8} cm and looks hypervascular, else Gelatin
 *       Sponge when it is {@code >= 3} cm.</li>
 * </ol>
 */
public final class ClinicianModel {

    public static final double DEVIATION_RATE = 0.25;

    private ClinicianModel() {
    }

    /** The protocol the clinician gives {@code patient}. */
    public static TaceProtocol choose(HccPatient patient) {
        ClinicianDraws draws = patient.clinician();
        if (draws.deviation() < DEVIATION_RATE) {
            return ProtocolSpace.validProtocols().get(draws.randomProtocol());
        }
        return rules(draws.observedEnhancement(), patient.covariates().largestDiameterCm(),
                patient.covariates().childPughClass());
    }

    /** The house rules alone. */
    public static TaceProtocol rules(double observedEnhancement, double largestCm, ChildPughClass childPugh) {
        boolean hyper = observedEnhancement >= 0.5;
        List<TaceComponent> drugs = new ArrayList<>();
        drugs.add(hyper ? TaceComponent.EPIRUBICIN : TaceComponent.OXALIPLATIN);
        if (largestCm >= 5 && childPugh == ChildPughClass.A) {
            drugs.add(TaceComponent.RALTITREXED);
        }
        List<TaceComponent> embolics = new ArrayList<>();
        embolics.add(TaceComponent.LIPIODOL);
        if (largestCm >= 8 && hyper) {
            embolics.add(TaceComponent.PVA);
        } else if (largestCm >= 3) {
            embolics.add(TaceComponent.GELATIN_SPONGE);
        }
        return ProtocolSpace.requireValid(new TaceProtocol(drugs, embolics));
    }
}
