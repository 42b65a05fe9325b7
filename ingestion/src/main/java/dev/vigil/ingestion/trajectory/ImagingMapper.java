package dev.vigil.ingestion.trajectory;

import dev.vigil.ingestion.cohort.ImagingSpec;
import dev.vigil.ingestion.fhir.ResourceOrigin;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DocumentReference.DocumentReferenceContentComponent;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Image links: an ImagingStudy's endpoints (contained, or Endpoint resources of the input, resolved when
 * trajectories are built) and a DocumentReference's attachment URLs, when they name a file with one of the
 * cohort's suffixes (.nii, .nii.gz). Other studies and documents are not imaging the cohort uses and are
 * ignored.
 */
final class ImagingMapper {

    private static final String ENDPOINT_PREFIX = "Endpoint/";

    private final CohortAccumulator accumulator;
    private final ImagingSpec imaging;

    ImagingMapper(CohortAccumulator accumulator) {
        this.accumulator = accumulator;
        this.imaging = accumulator.spec().imaging();
    }

    void map(ImagingStudy study, ResourceOrigin origin) {
        List<Reference> endpoints = new ArrayList<>(study.getEndpoint());
        study.getSeries().forEach(series -> endpoints.addAll(series.getEndpoint()));
        List<PatientFacts.PendingLink> links = new ArrayList<>();
        long time = FhirTimes.millis(study.getStartedElement());
        String resource = CohortAccumulator.label(study);
        for (Reference endpoint : endpoints) {
            if (endpoint.getResource() instanceof Endpoint contained) {
                if (imaging.matches(contained.getAddress())) {
                    links.add(new PatientFacts.PendingLink(time, contained.getAddress(), null, resource));
                }
            } else if (endpoint.hasReference() && endpoint.getReference().startsWith(ENDPOINT_PREFIX)) {
                String id = endpoint.getReference().substring(ENDPOINT_PREFIX.length());
                links.add(new PatientFacts.PendingLink(time, null, id, resource));
            }
        }
        add(study, study.getSubject(), links, time, origin);
    }

    void map(DocumentReference document, ResourceOrigin origin) {
        long time = FhirTimes.millis(document.getDateElement());
        if (time == FhirTimes.NONE && document.hasContext()) {
            time = FhirTimes.millis(document.getContext().getPeriod().getStartElement());
        }
        List<PatientFacts.PendingLink> links = new ArrayList<>();
        String resource = CohortAccumulator.label(document);
        for (DocumentReferenceContentComponent content : document.getContent()) {
            Attachment attachment = content.getAttachment();
            if (imaging.matches(attachment.getUrl())) {
                links.add(new PatientFacts.PendingLink(time, attachment.getUrl(), null, resource));
            }
        }
        add(document, document.getSubject(), links, time, origin);
    }

    /** Every Endpoint is kept (they are few), so that a reference to a missing one can be reported. */
    void map(Endpoint endpoint) {
        String id = References.ownId(endpoint);
        if (id != null && endpoint.hasAddress()) {
            accumulator.endpoint(id, endpoint.getAddress());
        }
    }

    private void add(Resource resource, Reference subject, List<PatientFacts.PendingLink> links, long time,
            ResourceOrigin origin) {
        if (links.isEmpty()) {
            return;
        }
        PatientFacts patient = accumulator.subject(subject, resource, origin);
        if (patient == null) {
            return;
        }
        patient.seen(time);
        links.forEach(patient::addLink);
    }
}
