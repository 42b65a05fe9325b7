package dev.vigil.ingestion.dataset;

import java.time.Instant;

/**
 * A link to an image file (e.g. a NIfTI CT volume) belonging to an episode's patient.
 *
 * @param time when the image was taken, or null when the resource did not say
 * @param url where the file is
 * @param resource the FHIR resource that named it, e.g. {@code ImagingStudy/ct-1}
 */
public record ImagingLink(Instant time, String url, String resource) {

    public ImagingLink {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("An imaging link needs a URL");
        }
        if (resource == null || resource.isBlank()) {
            throw new IllegalArgumentException("An imaging link names the resource it came from");
        }
    }
}
