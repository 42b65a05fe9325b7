package dev.vigil.api.cds;

import java.util.List;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;

/** A patient's resources for a hook call, from prefetch or fetched from the EHR's FHIR server. */
public record PatientData(Patient patient, List<Observation> observations,
        List<MedicationAdministration> administrations) {
}
