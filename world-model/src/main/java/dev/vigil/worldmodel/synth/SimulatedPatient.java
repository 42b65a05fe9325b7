package dev.vigil.worldmodel.synth;

import dev.vigil.worldmodel.protocol.ProtocolSpace;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import java.util.List;

/**
 * A patient with its true outcomes: the response and expected survival under every valid protocol, the best
 * protocol, the clinician's protocol and the survival that followed it.
 *
 * @param patient the patient before treatment
 * @param responses response under {@code ProtocolSpace.validProtocols().get(i)}, shape (180)
 * @param expectedSurvivalDays E[T] under protocol i, shape (180)
 * @param bestIndex index of the protocol with the longest expected survival (the lowest index on ties)
 * @param givenIndex index of the clinician's protocol
 * @param survivalDays the death time under the given protocol
 * @param observedDays min(death time, censoring time), whole minutes
 * @param died whether the death was observed (death time {@code <=} censoring time)
 */
public record SimulatedPatient(HccPatient patient, List<TreatmentResponse> responses, double[] expectedSurvivalDays,
        int bestIndex, int givenIndex, double survivalDays, double observedDays, boolean died) {

    public SimulatedPatient {
        responses = List.copyOf(responses);
        expectedSurvivalDays = expectedSurvivalDays.clone();
    }

    /** Simulates {@code patient} under every valid protocol and under the clinician's choice. */
    public static SimulatedPatient simulate(HccPatient patient) {
        List<TaceProtocol> protocols = ProtocolSpace.validProtocols();
        TreatmentResponse[] responses = new TreatmentResponse[protocols.size()];
        double[] expected = new double[protocols.size()];
        int best = 0;
        for (int i = 0; i < protocols.size(); i++) {
            responses[i] = ResponseModel.respond(patient, protocols.get(i));
            expected[i] = SurvivalModel.expectedSurvivalDays(SurvivalModel.linearPredictor(patient, responses[i]));
            if (expected[i] > expected[best]) {
                best = i;
            }
        }
        int given = ProtocolSpace.indexOf(ClinicianModel.choose(patient));
        double eta = SurvivalModel.linearPredictor(patient, responses[given]);
        double death = SurvivalModel.survivalTimeDays(eta, patient.survivalUniform());
        boolean died = death <= patient.censorDays();
        // Times are written to the minute: the observed time is the minute FHIR carries.
        double observed = Math.round((died ? death : patient.censorDays()) * 1440) / 1440.0;
        return new SimulatedPatient(patient, List.of(responses), expected, best, given, death, observed, died);
    }

    public TaceProtocol bestProtocol() {
        return ProtocolSpace.validProtocols().get(bestIndex);
    }

    public TaceProtocol givenProtocol() {
        return ProtocolSpace.validProtocols().get(givenIndex);
    }

    public TreatmentResponse givenResponse() {
        return responses.get(givenIndex);
    }

    @Override
    public double[] expectedSurvivalDays() {
        return expectedSurvivalDays.clone();
    }
}
