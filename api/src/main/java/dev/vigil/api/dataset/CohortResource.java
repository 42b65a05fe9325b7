package dev.vigil.api.dataset;

import dev.vigil.api.security.Roles;
import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.ingestion.cohort.CohortSpecs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The cohort specifications Vigil ships (docs/cohort-spec.md). */
@Path("/api/cohorts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Datasets")
public class CohortResource {

    /** A cohort specification as listed. */
    public record CohortView(String id, String version, String description, String blocLength) {
        static CohortView of(CohortSpec spec) {
            return new CohortView(spec.id(), spec.version(), spec.description(),
                    spec.blocLength() == null ? null : spec.blocLength().toString());
        }
    }

    @GET
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "The shipped cohort specifications")
    public List<CohortView> list() {
        return CohortSpecs.shippedIds().stream().map(CohortSpecs::shipped).map(CohortView::of).toList();
    }
}
