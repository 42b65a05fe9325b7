package dev.vigil.ingestion.trajectory;

import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.ImagingLink;
import dev.vigil.ingestion.fhir.ResourceOrigin;
import dev.vigil.ingestion.report.IngestionIssue;
import dev.vigil.ingestion.report.IngestionListener;
import dev.vigil.ingestion.report.IssueKind;
import dev.vigil.ingestion.units.UnitConverter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a patient's facts into an episode of the cohort, or reports why the patient is not in it.
 *
 * <p>The window runs from {@code anchor - before} to {@code anchor + after} in blocs of the specification's
 * length, and ends early at death or at the end of the stay: the episode's last bloc is the one in which
 * the patient died or left (a death at a bloc's first instant belongs to that bloc), and nothing measured
 * or given after that moment is used. A patient is left out (PATIENT_EXCLUDED, informational) when there is no
 * anchor, no inclusion condition (when the cohort has them), no bloc before death or discharge, no
 * observation in the window, or a death without a date when the outcome needs one; a patient referred to
 * but absent from the input is reported as UNKNOWN_PATIENT.
 */
public final class TrajectoryBuilder {

    private static final String PATIENT = "Patient";

    private final CohortSpec spec;
    private final String source;
    private final EpisodeLayout layout;
    private final StateAssembler states;
    private final ActionAssembler actions;
    private final DerivedFeatures derived;
    private final OutcomeRule outcomes;

    /**
     * @param source describes the input in reports, e.g. the folder ingested
     */
    public TrajectoryBuilder(CohortSpec spec, UnitConverter units, String source) {
        this.spec = spec;
        this.source = source;
        this.layout = new EpisodeLayout(spec);
        this.states = new StateAssembler(spec);
        this.actions = new ActionAssembler(spec);
        this.derived = new DerivedFeatures(spec, units);
        this.outcomes = new OutcomeRule(spec.outcome());
    }

    /** The episodes of every patient that qualifies, sorted by patient id. */
    public List<Episode> buildAll(CohortFacts facts, IngestionListener listener) {
        List<Episode> episodes = new ArrayList<>();
        for (PatientFacts patient : facts.patients()) {
            build(patient, facts.endpoints(), listener).ifPresent(episodes::add);
        }
        episodes.sort(Comparator.comparing(Episode::id));
        return episodes;
    }

    /**
     * One patient's episode, or empty after reporting why there is none.
     *
     * @param endpoints Endpoint id to address, to resolve image links ({@link CohortFacts#endpoints()})
     */
    public Optional<Episode> build(PatientFacts patient, Map<String, String> endpoints, IngestionListener listener) {
        String id = patient.patientId();
        if (!patient.patientSeen()) {
            ResourceOrigin first = patient.firstReference();
            listener.issue(new IngestionIssue(IssueKind.UNKNOWN_PATIENT, first, "Patient/" + id + " is referred to by "
                    + patient.referenceCount() + " resource(s), the first " + first.resourceType() + "/"
                    + first.resourceId() + ", but is not in the input; their data is not used"));
            return Optional.empty();
        }
        int anchorIndex = patient.earliestAnchor();
        if (anchorIndex < 0) {
            return exclude(id, "no " + spec.anchor().resource().name().toLowerCase() + " with an anchor code ("
                    + String.join(", ", spec.anchor().codes().stream().map(Object::toString).toList()) + ")",
                    listener);
        }
        if (spec.inclusion() != null && !patient.included()) {
            return exclude(id, "no Condition with an inclusion code", listener);
        }
        if (patient.deceased() && patient.deceasedAt() == FhirTimes.NONE) {
            return exclude(id, "deceased without a deceasedDateTime, so the outcome cannot be decided", listener);
        }
        long anchor = patient.anchorTime(anchorIndex);
        long length = spec.blocLength().toMillis();
        long start = anchor - spec.window().before().toMillis();
        long[] stay = stay(patient, anchor);
        long endLimit = start + spec.blocCount() * length;
        // The end is exclusive; the moment of death or discharge itself still belongs to the episode.
        if (patient.deceasedAt() != FhirTimes.NONE) {
            endLimit = Math.min(endLimit, patient.deceasedAt() + 1);
        }
        if (stay[1] != FhirTimes.NONE && stay[1] != Long.MAX_VALUE) {
            endLimit = Math.min(endLimit, stay[1] + 1);
        }
        // Blocs that start by the end: the last one is the bloc in which the patient died or left.
        long blocs = endLimit <= start ? 0 : Math.floorDiv(endLimit - start + length - 1, length);
        if (blocs == 0) {
            return exclude(id, "died or left the stay before the window starts", listener);
        }
        BlocGrid grid = new BlocGrid(anchor, start, length, (int) blocs, stay[0], stay[1]);
        StepProvenance provenance = new StepProvenance(patient, grid.blocs());
        Integer[] observations = patient.sortedObservations();
        StateAssembler.States state = states.assemble(patient, observations, grid, endLimit, layout.stateWidth(),
                provenance);
        if (state.inWindow() == 0) {
            return exclude(id, "no observation of a state feature in the window", listener);
        }
        double[][] action = actions.assemble(patient, observations, grid, endLimit, provenance, listener);
        derived.fill(state, action, patient, grid);
        return Optional.of(new Episode(id, new ContinuousStates(state.values(), state.missing()),
                new ContinuousActions(action), null, null, outcomes.outcome(patient, grid), provenance.build(grid),
                links(patient, endpoints, listener)));
    }

    /** {start, end} of the stay whose period contains the anchor (earliest such), or {NONE, NONE}. */
    private long[] stay(PatientFacts patient, long anchor) {
        long[] best = {FhirTimes.NONE, FhirTimes.NONE};
        for (int i = 0; i < patient.stayCount(); i++) {
            long start = patient.stayStart(i);
            long end = patient.stayEnd(i);
            if (start <= anchor && anchor <= end && (best[0] == FhirTimes.NONE || start < best[0]
                    || (start == best[0] && end < best[1]))) {
                best[0] = start;
                best[1] = end;
            }
        }
        return best;
    }

    private List<ImagingLink> links(PatientFacts patient, Map<String, String> endpoints, IngestionListener listener) {
        List<ImagingLink> links = new ArrayList<>();
        for (PatientFacts.PendingLink link : patient.links()) {
            if (link.url() != null) {
                links.add(link.resolve(null));
                continue;
            }
            String address = endpoints.get(link.endpointId());
            if (address == null) {
                listener.issue(new IngestionIssue(IssueKind.MISSING_VALUE, origin(link.resource()), link.resource()
                        + " refers to Endpoint/" + link.endpointId() + ", which is not in the input; the image link "
                        + "is not kept"));
            } else if (spec.imaging().matches(address)) {
                links.add(link.resolve(address));
            }
        }
        links.sort(Comparator.comparing(ImagingLink::time, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ImagingLink::url).thenComparing(ImagingLink::resource));
        return links;
    }

    private Optional<Episode> exclude(String patientId, String reason, IngestionListener listener) {
        listener.issue(new IngestionIssue(IssueKind.PATIENT_EXCLUDED, new ResourceOrigin(source, 0, PATIENT,
                patientId), "Patient/" + patientId + " is not in cohort " + spec.id() + ": " + reason));
        return Optional.empty();
    }

    private ResourceOrigin origin(String reference) {
        int slash = reference.indexOf('/');
        return new ResourceOrigin(source, 0, reference.substring(0, slash), reference.substring(slash + 1));
    }
}
