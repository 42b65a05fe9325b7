package dev.vigil.api.dataset;

import dev.vigil.api.security.Roles;
import dev.vigil.ingestion.dataset.DatasetCsvWriter;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Trajectory datasets: list, detail with the ingestion report, episodes, patient timelines, CSV export. */
@Path("/api/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Datasets")
public class DatasetResource {

    private static final int MAX_PAGE = 500;

    @Inject
    DatasetService datasets;

    @GET
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "All datasets, newest first")
    public List<DatasetViews.Summary> list() {
        return datasets.list().stream().map(DatasetViews.Summary::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "A dataset with its units and the report of the ingestion that made it")
    public DatasetViews.Detail get(@PathParam("id") String id) {
        DatasetRecord record = require(id);
        return DatasetViews.Detail.of(record, datasets.load(record), datasets.report(record).orElse(null));
    }

    @GET
    @Path("/{id}/report")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "The ingestion report: resources read per type, issues per kind with examples")
    public DatasetViews.Report report(@PathParam("id") String id) {
        return datasets.report(require(id)).map(DatasetViews.Report::of)
                .orElseThrow(() -> new NotFoundException("Dataset " + id + " was imported, not ingested: it has no "
                        + "ingestion report"));
    }

    @GET
    @Path("/{id}/episodes")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "A page of the dataset's episodes")
    public DatasetViews.EpisodePage episodes(@PathParam("id") String id,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("offset must be >= 0 and limit between 1 and " + MAX_PAGE);
        }
        List<Episode> episodes = datasets.load(require(id)).episodes();
        List<DatasetViews.EpisodeSummary> page = episodes.stream().skip(offset).limit(limit)
                .map(DatasetViews.EpisodeSummary::of).toList();
        return new DatasetViews.EpisodePage(episodes.size(), page);
    }

    @GET
    @Path("/{id}/episodes/{episodeId}")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "One episode as a timeline: features, missingness, actions per step, and the outcome")
    public DatasetViews.Timeline timeline(@PathParam("id") String id, @PathParam("episodeId") String episodeId) {
        DatasetRecord record = require(id);
        TrajectoryDataset dataset = datasets.load(record);
        Episode episode = dataset.episodes().stream().filter(e -> e.id().equals(episodeId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Dataset " + id + " has no episode " + episodeId));
        return DatasetViews.timeline(dataset, episode, anchorLabel(record));
    }

    @GET
    @Path("/{id}/csv")
    @Produces("text/csv")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "The dataset as CSV, one row per step (docs/dataset-csv.md)")
    public Response csv(@PathParam("id") String id) {
        DatasetRecord record = require(id);
        TrajectoryDataset dataset = datasets.load(record);
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            DatasetCsvWriter.write(dataset, writer);
            writer.flush();
        };
        String file = record.getName().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + id.substring(0, 12) + ".csv";
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .build();
    }

    private DatasetRecord require(String id) {
        return datasets.find(id).orElseThrow(() -> new NotFoundException("No dataset " + id));
    }

    private static String anchorLabel(DatasetRecord record) {
        if ("icu-sepsis".equals(record.getCohortId())) {
            return "sepsis onset";
        }
        if ("hcc-tace".equals(record.getCohortId())) {
            return "first TACE";
        }
        return "anchor";
    }
}
