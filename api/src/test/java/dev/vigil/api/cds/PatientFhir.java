package dev.vigil.api.cds;

import ca.uhn.fhir.context.FhirContext;
import dev.vigil.api.serving.ServedModel;
import dev.vigil.ingestion.cohort.ActionSpec;
import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.ingestion.cohort.FeatureSpec;
import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.Episode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * FHIR resources of a patient built from a dataset episode's latest bloc, so that mapping them back must give the
 * dataset's state: each feature as one Observation an hour ago (the cumulative urine output split into an old
 * and a recent Observation), fluids and vasopressor as MedicationAdministrations over the last bloc (the previous
 * bloc's logged doses), the age as a birth date.
 */
final class PatientFhir {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    final String patientId;
    final Map<String, Double> values = new HashMap<>();
    final Map<String, Duration> ages = new HashMap<>();
    double fluid;
    double vasopressor;
    double fluidBefore;

    PatientFhir(String patientId) {
        this.patientId = patientId;
    }

    static PatientFhir of(ServedModel model, Episode episode) {
        PatientFhir p = new PatientFhir(episode.id());
        int t = episode.steps() - 1;
        double[] row = ((ContinuousStates) episode.states()).values()[t];
        List<String> names = model.policy().featureNames();
        for (int f = 0; f < names.size(); f++) {
            if (!Double.isNaN(row[f])) {
                p.values.put(names.get(f), row[f]);
            }
        }
        if (t > 0) {
            double[] logged = ((ContinuousActions) episode.actions()).values()[t - 1];
            p.fluid = Double.isNaN(logged[0]) ? 0 : logged[0];
            p.vasopressor = Double.isNaN(logged[1]) ? 0 : logged[1];
        }
        p.fluidBefore = Math.max(0, p.values.getOrDefault("fluid_input_cum", 0.0) - p.fluid);
        return p;
    }

    /** The prefetch object: patient, vitals, labs, medications. */
    String prefetchJson(CohortSpec cohort, Instant now) {
        Patient patient = new Patient();
        patient.setId(patientId);
        if (values.containsKey("age")) {
            patient.setBirthDate(Date.from(now.minus(Duration.ofDays(Math.round(values.get("age") * 365.25 + 30)))));
        }
        if (values.containsKey("gender")) {
            patient.setGender(values.get("gender") == 1 ? Enumerations.AdministrativeGender.MALE
                    : Enumerations.AdministrativeGender.FEMALE);
        }
        Bundle vitals = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        Bundle labs = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        int n = 0;
        for (FeatureSpec spec : cohort.features()) {
            Double v = values.get(spec.name());
            if (spec.name().equals("urine_output") && values.containsKey("urine_output_cum")) {
                double recent = v == null ? 0 : v;
                double older = values.get("urine_output_cum") - recent;
                if (older > 0) {
                    vitals.addEntry().setResource(observation(spec, older, now.minus(Duration.ofHours(30)), n++));
                }
                v = recent > 0 ? recent : null;
            }
            if (v == null) {
                continue;
            }
            Instant at = now.minus(ages.getOrDefault(spec.name(), Duration.ofHours(1)));
            Bundle target = List.of("pao2", "lactate", "creatinine", "bilirubin", "platelets", "wbc")
                    .contains(spec.name()) ? labs : vitals;
            target.addEntry().setResource(observation(spec, v, at, n++));
        }
        Bundle meds = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        ActionSpec fluidSpec = cohort.action("iv_fluid").orElseThrow();
        ActionSpec vasoSpec = cohort.action("vasopressor").orElseThrow();
        if (fluid > 0) {
            meds.addEntry().setResource(administration("f1", fluidSpec, fluid, "mL", true, now.minus(Duration.ofHours(4)),
                    now.minusSeconds(60)));
        }
        if (fluidBefore > 0) {
            meds.addEntry().setResource(administration("f0", fluidSpec, fluidBefore, "mL", true,
                    now.minus(Duration.ofHours(40)), now.minus(Duration.ofHours(36))));
        }
        if (vasopressor > 0) {
            meds.addEntry().setResource(administration("v1", vasoSpec, vasopressor, "ug/kg/min", false,
                    now.minus(Duration.ofHours(4)), now.minusSeconds(60)));
        }
        var parser = FHIR.newJsonParser();
        return "{\"patient\":" + parser.encodeResourceToString(patient) + ",\"vitals\":"
                + parser.encodeResourceToString(vitals) + ",\"labs\":" + parser.encodeResourceToString(labs)
                + ",\"medications\":" + parser.encodeResourceToString(meds) + "}";
    }

    private Observation observation(FeatureSpec spec, double value, Instant at, int n) {
        Observation o = new Observation();
        o.setId("obs-" + n);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.getCode().addCoding().setSystem(spec.codes().get(0).system()).setCode(spec.codes().get(0).code());
        o.setSubject(new Reference("Patient/" + patientId));
        o.setEffective(new DateTimeType(Date.from(at)));
        o.setValue(new Quantity().setValue(BigDecimal.valueOf(value)).setSystem("http://unitsofmeasure.org")
                .setCode(spec.unit()).setUnit(spec.unit()));
        return o;
    }

    private MedicationAdministration administration(String id, ActionSpec spec, double amount, String unit,
            boolean dose, Instant start, Instant end) {
        MedicationAdministration ma = new MedicationAdministration();
        ma.setId(id);
        ma.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
        var code = spec.ingredients().get(0).codes().get(0);
        ma.getMedicationCodeableConcept().addCoding().setSystem(code.system()).setCode(code.code());
        ma.setSubject(new Reference("Patient/" + patientId));
        ma.setEffective(new Period().setStart(Date.from(start)).setEnd(Date.from(end)));
        Quantity q = new Quantity().setValue(BigDecimal.valueOf(amount)).setSystem("http://unitsofmeasure.org")
                .setCode(unit).setUnit(unit);
        if (dose) {
            ma.getDosage().setDose(q);
        } else {
            ma.getDosage().setRate(q);
        }
        return ma;
    }
}
