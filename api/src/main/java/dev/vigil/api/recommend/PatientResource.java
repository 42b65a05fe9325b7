package dev.vigil.api.recommend;

import dev.vigil.api.dataset.DatasetViews;
import dev.vigil.api.security.Roles;
import dev.vigil.api.serving.ServedModel;
import dev.vigil.api.serving.ServingService;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The patients a clinician can open: those of the served policy's dataset, with their charted course (the same
 * timeline shape the research pages draw).
 */
@Path("/api/patients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patients")
public class PatientResource {

    private static final int MAX_PAGE = 200;

    @Inject
    ServingService serving;

    /** A page of patients. */
    public record PatientPage(String useCase, String datasetName, int total, List<DatasetViews.EpisodeSummary> items) {
    }

    @GET
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Patients of the served policy's dataset; ?q= filters by id")
    public PatientPage list(@QueryParam("useCase") @DefaultValue(ServingService.SEPSIS) String useCase,
            @QueryParam("q") String query, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("offset must be >= 0 and limit between 1 and " + MAX_PAGE);
        }
        ServedModel model = serving.active(useCase);
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        List<Episode> matching = model.policy().data().episodes().stream()
                .filter(e -> needle.isEmpty() || e.id().toLowerCase(Locale.ROOT).contains(needle)).toList();
        return new PatientPage(useCase, model.datasetName(), matching.size(), matching.stream().skip(offset)
                .limit(limit).map(DatasetViews.EpisodeSummary::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "One patient's charted course: vital signs, labs and doses per bloc, and the outcome")
    public DatasetViews.Timeline patient(@PathParam("id") String id,
            @QueryParam("useCase") @DefaultValue(ServingService.SEPSIS) String useCase) {
        TrajectoryDataset data = serving.active(useCase).policy().data();
        Episode episode = data.episodes().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No patient " + id + " in the data of the served "
                        + useCase + " policy"));
        return DatasetViews.timeline(data, episode, "sepsis onset");
    }
}
