package dev.vigil.api.ingestion;

import dev.vigil.api.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Starting ingestion jobs (an upload, or a FHIR server) and following them. */
@Path("/api/ingestions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ingestion")
public class IngestionResource {

    @Inject
    IngestionJobService jobs;

    @Inject
    SecurityIdentity identity;

    /** An ingestion from a live FHIR server. */
    public record ServerIngestion(@NotBlank(message = "a cohort is required") String cohort,
            @NotBlank(message = "a dataset name is required") String name,
            @NotBlank(message = "a FHIR server URL is required") String fhirServerUrl, String bearerToken) {
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Ingest uploaded FHIR files: Bulk NDJSON (.ndjson, .ndjson.gz, one type per file) or "
            + "Bundles (.json, .xml)")
    public Response upload(@RestForm String cohort, @RestForm String name, @RestForm("file") List<FileUpload> files) {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("Attach at least one file in the 'file' field");
        }
        String jobId = jobs.newJobId();
        return acceptUpload(jobId, jobs.uploadFolder(jobId), cohort, name, files);
    }

    private Response queueUpload(String jobId, java.nio.file.Path folder, String cohort, String name,
            List<FileUpload> files) {
        boolean ndjson = false;
        boolean bundles = false;
        Set<String> names = new HashSet<>();
        for (FileUpload file : files) {
            String safe = safeName(file.fileName());
            if (!names.add(safe)) {
                throw new IllegalArgumentException("Two uploaded files are both named '" + safe + "'");
            }
            ndjson |= safe.endsWith(".ndjson") || safe.endsWith(".ndjson.gz");
            bundles |= safe.endsWith(".json") || safe.endsWith(".xml");
            try {
                Files.move(file.uploadedFile(), folder.resolve(safe), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot keep the uploaded file " + safe, e);
            }
        }
        if (ndjson && bundles) {
            throw new IllegalArgumentException("Upload either Bulk NDJSON files or Bundle files in one ingestion, not "
                    + "both");
        }
        if (!ndjson && !bundles) {
            throw new IllegalArgumentException("Upload .ndjson / .ndjson.gz (Bulk Data) or .json / .xml (Bundles) files");
        }
        SourceSpec folderSource = ndjson ? new SourceSpec.BulkFolder(folder) : new SourceSpec.Bundles(folder);
        // The upload folder is deleted when the job ends: record what was uploaded, not where it lay.
        String label = "upload:" + String.join(",", new java.util.TreeSet<>(names));
        SourceSpec source = new SourceSpec.Labelled(folderSource, label.length() > 900 ? label.substring(0, 899) + "…"
                : label);
        var job = jobs.submit(jobId, cohort, name, source, folder, identity.getPrincipal().getName());
        return Response.accepted(job).build();
    }

    /** Moves the uploads into the job's folder and queues the job; nothing is left behind when refused. */
    private Response acceptUpload(String jobId, java.nio.file.Path folder, String cohort, String name,
            List<FileUpload> files) {
        try {
            return queueUpload(jobId, folder, cohort, name, files);
        } catch (RuntimeException e) {
            IngestionJobService.deleteQuietly(folder);
            throw e;
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Ingest from a FHIR R4 server (paged search per patient; optional bearer token)")
    public Response fromServer(@Valid @NotNull ServerIngestion request) {
        SourceSpec source = new SourceSpec.Server(request.fhirServerUrl(), request.bearerToken());
        var job = jobs.submit(jobs.newJobId(), request.cohort(), request.name(), source, null,
                identity.getPrincipal().getName());
        return Response.accepted(job).build();
    }

    @GET
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Recent ingestion jobs, newest first")
    public List<IngestionJobService.JobView> list() {
        return jobs.recent();
    }

    @GET
    @Path("/{jobId}")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "A job's state, live progress (resources, rate, ETA) and resulting dataset")
    public IngestionJobService.JobView get(@PathParam("jobId") String jobId) {
        return jobs.find(jobId).orElseThrow(() -> new NotFoundException("No ingestion job " + jobId));
    }

    /** The file's own name without any folder part; nothing that could climb out of the upload folder. */
    static String safeName(String fileName) {
        String base = fileName == null ? "" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        if (base.isBlank() || base.startsWith(".") || !base.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("Uploaded file name '" + fileName + "' is not allowed: use letters, "
                    + "digits, '.', '_' and '-' (e.g. Observation.000.ndjson)");
        }
        return base;
    }
}
