package dev.vigil.ingestion.trajectory;

import dev.vigil.ingestion.cohort.ActionSpec;
import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.ingestion.cohort.DerivedFeatureSpec;
import dev.vigil.ingestion.cohort.DerivedKind;
import dev.vigil.ingestion.cohort.FeatureSpec;
import dev.vigil.ingestion.cohort.IngredientSpec;
import dev.vigil.ingestion.fhir.ResourceOrigin;
import dev.vigil.ingestion.fhir.SourcedResource;
import dev.vigil.ingestion.report.IngestionIssue;
import dev.vigil.ingestion.report.IngestionListener;
import dev.vigil.ingestion.report.IssueKind;
import dev.vigil.ingestion.units.UnitConversionException;
import dev.vigil.ingestion.units.UnitConverter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Turns FHIR R4 resources, one at a time and from any number of threads, into compact per-patient facts
 * in the cohort's canonical units. Each resource is mapped and dropped; what cannot be used is reported to
 * the listener with its kind and resource id, and the rest of the resource is still used.
 *
 * <p>Read: Patient (birth date, gender, death), Encounter (stays), Condition (anchors, inclusion),
 * Observation and its components (features), MedicationAdministration and Procedure (actions; Procedure
 * anchors too), ImagingStudy, DocumentReference and Endpoint (image links). Other resource types are
 * ignored. Call {@link #finish()} once the source has delivered everything.
 */
public final class CohortAccumulator {

    private final CohortSpec spec;
    private final SpecIndex index;
    private final UnitConverter units;
    private final IngestionListener listener;
    private final ConcurrentHashMap<String, PatientFacts> patients = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> endpoints = new ConcurrentHashMap<>();
    private final ClinicalContextMapper context;
    private final ObservationMapper observations;
    private final MedicationMapper medications;
    private final ProcedureMapper procedures;
    private final ImagingMapper imaging;
    private volatile boolean finished;

    /**
     * @throws IllegalArgumentException when a unit in {@code spec} is not UCUM, or a conversion the
     *     specification states (an ingredient's unit to the action's, a ratio's units) is impossible
     */
    public CohortAccumulator(CohortSpec spec, UnitConverter units, IngestionListener listener) {
        this.spec = spec;
        this.units = units;
        this.listener = listener;
        this.index = new SpecIndex(spec);
        checkUnits(spec, units);
        this.context = new ClinicalContextMapper(this);
        this.observations = new ObservationMapper(this);
        this.medications = new MedicationMapper(this);
        this.procedures = new ProcedureMapper(this);
        this.imaging = new ImagingMapper(this);
    }

    /** Maps one resource. Thread-safe. */
    public void accept(SourcedResource sourced) {
        if (finished) {
            throw new IllegalStateException("CohortAccumulator.accept after finish(): read the whole source first");
        }
        Resource resource = sourced.resource();
        ResourceOrigin origin = sourced.origin();
        if (resource instanceof Observation observation) {
            observations.map(observation, origin);
        } else if (resource instanceof MedicationAdministration administration) {
            medications.map(administration, origin);
        } else if (resource instanceof Procedure procedure) {
            procedures.map(procedure, origin);
        } else if (resource instanceof Patient patient) {
            context.map(patient, origin);
        } else if (resource instanceof Encounter encounter) {
            context.map(encounter, origin);
        } else if (resource instanceof Condition condition) {
            context.map(condition, origin);
        } else if (spec.imaging() != null) {
            if (resource instanceof ImagingStudy study) {
                imaging.map(study, origin);
            } else if (resource instanceof DocumentReference document) {
                imaging.map(document, origin);
            } else if (resource instanceof Endpoint endpoint) {
                imaging.map(endpoint);
            }
        }
    }

    /**
     * Ends accumulation: resolves image links to Endpoint resources and returns the patients' facts sorted
     * by patient id. Call once, after the source has returned.
     */
    public CohortFacts finish() {
        finished = true;
        Map<String, PatientFacts> sorted = new TreeMap<>(patients);
        List<PatientFacts> list = new ArrayList<>(sorted.values());
        for (PatientFacts patient : list) {
            patient.seal();
        }
        return new CohortFacts(spec, list, Map.copyOf(endpoints));
    }

    // ------------------------------------------------------------------ for the mappers

    SpecIndex index() {
        return index;
    }

    CohortSpec spec() {
        return spec;
    }

    UnitConverter units() {
        return units;
    }

    /** The facts of the patient {@code subject} points at, or null after reporting MISSING_SUBJECT. */
    PatientFacts subject(Reference subject, Resource resource, ResourceOrigin origin) {
        String id = References.patientId(subject);
        if (id == null) {
            report(IssueKind.MISSING_SUBJECT, origin, label(resource) + " " + References.describeProblem(subject)
                    + "; it is not used");
            return null;
        }
        PatientFacts facts = patients.computeIfAbsent(id, PatientFacts::new);
        facts.referencedBy(origin);
        return facts;
    }

    PatientFacts patient(String id) {
        return patients.computeIfAbsent(id, PatientFacts::new);
    }

    void endpoint(String id, String address) {
        endpoints.putIfAbsent(id, address);
    }

    void report(IssueKind kind, ResourceOrigin origin, String message) {
        listener.issue(new IngestionIssue(kind, origin, message));
    }

    void report(UnitConversionException problem, ResourceOrigin origin, String message) {
        report(problem.kind(), origin, message + ": " + problem.getMessage());
    }

    /** The id facts store for a resource: its own id, or where it was read when it has none. */
    static String idOf(Resource resource, ResourceOrigin origin) {
        String id = References.ownId(resource);
        return id != null ? id : "no-id@" + origin.source() + ":" + origin.line();
    }

    /** {@code Type/id} for messages. */
    static String label(Resource resource) {
        String id = References.ownId(resource);
        return resource.fhirType() + "/" + (id == null ? "(no id)" : id);
    }

    private static void checkUnits(CohortSpec spec, UnitConverter units) {
        for (FeatureSpec feature : spec.features()) {
            requireUnit(units, feature.unit(), "Feature " + feature.name());
        }
        for (ActionSpec action : spec.actions()) {
            requireUnit(units, action.unit(), "Action " + action.name());
            for (IngredientSpec ingredient : action.ingredients()) {
                if (ingredient.unit() != null) {
                    requireUnit(units, ingredient.unit(), "Ingredient " + ingredient.name() + " of " + action.name());
                }
            }
        }
        for (DerivedFeatureSpec derived : spec.derived()) {
            requireUnit(units, derived.unit(), "Derived feature " + derived.name());
            if (derived.kind() == DerivedKind.RATIO) {
                DerivedFeatures.ratioConversion(spec, units, derived);
            }
        }
    }

    private static void requireUnit(UnitConverter units, String unit, String what) {
        try {
            units.requireValid(unit);
        } catch (UnitConversionException e) {
            throw new IllegalArgumentException(what + " in the cohort specification: " + e.getMessage());
        }
    }
}
