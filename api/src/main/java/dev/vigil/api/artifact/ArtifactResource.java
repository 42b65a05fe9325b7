package dev.vigil.api.artifact;

import dev.vigil.api.security.Roles;
import dev.vigil.artifact.ArtifactNotFoundException;
import dev.vigil.common.Sha256;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reading stored artifacts by hash (datasets, weights, reports). */
@Path("/api/artifacts")
@Tag(name = "Artifacts")
public class ArtifactResource {

    /** What an artifact is. */
    public record ArtifactView(String sha256, long sizeBytes, String mediaType, String kind, String description,
            String createdBy, Instant createdAt) {

        static ArtifactView of(StoredArtifact a) {
            return new ArtifactView(a.getSha256(), a.getSizeBytes(), a.getMediaType(), a.getKind(), a.getDescription(),
                    a.getCreatedBy(), a.getCreatedAt());
        }
    }

    @Inject
    ArtifactService artifacts;

    @GET
    @Path("/{sha256}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESEARCHER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "What an artifact is: size, media type, kind, who stored it and when")
    public ArtifactView describe(@PathParam("sha256") String sha256) {
        return ArtifactView.of(require(sha256));
    }

    @GET
    @Path("/{sha256}/content")
    @RolesAllowed({Roles.RESEARCHER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "An artifact's bytes")
    public Response content(@PathParam("sha256") String sha256) {
        StoredArtifact artifact = require(sha256);
        try {
            return Response.ok(artifacts.open(sha256), artifact.getMediaType())
                    .header("Content-Length", artifact.getSizeBytes())
                    .header("ETag", "\"" + sha256 + "\"")
                    .build();
        } catch (ArtifactNotFoundException e) {
            throw new IllegalStateException("Artifact " + sha256 + " is recorded but its file is missing from the store",
                    e);
        }
    }

    private StoredArtifact require(String sha256) {
        Sha256.requireHex(sha256);
        return artifacts.find(sha256).orElseThrow(() -> new NotFoundException("No artifact " + sha256));
    }
}
