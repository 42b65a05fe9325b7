package dev.vigil.api.run;

import dev.vigil.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The run registry over HTTP: runs, their provenance and their learning curves. */
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs")
public class RunResource {

    @Inject
    RunService runs;

    @Inject
    TrainingService training;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    /** A training request: algorithm, dataset (id or unique prefix), seed and optional config fields. */
    public record TrainRequest(@jakarta.validation.constraints.NotBlank(message = "an algorithm is required")
            String algorithm, @jakarta.validation.constraints.NotBlank(message = "a dataset id is required")
            String dataset, @jakarta.validation.constraints.NotNull(message = "a seed is required") Long seed,
            com.fasterxml.jackson.databind.node.ObjectNode config, Integer checkpointEvery) {
    }

    @jakarta.ws.rs.POST
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Start training: validates the request, records the run and trains in the background")
    public jakarta.ws.rs.core.Response train(@jakarta.validation.Valid @jakarta.validation.constraints.NotNull
            TrainRequest request) {
        TrainingService.Prepared prepared = training.prepare(request.algorithm(), request.dataset(), request.config(),
                "request body", request.seed());
        TrainingRun run = training.beginInBackground(prepared, identity.getPrincipal().getName(),
                request.checkpointEvery() == null ? 0 : request.checkpointEvery());
        return jakarta.ws.rs.core.Response.accepted(RunView.of(run)).build();
    }

    @jakarta.ws.rs.POST
    @jakarta.ws.rs.Path("/{id}/resume")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Continue an interrupted or failed model-based run from its latest checkpoint, in the "
            + "background")
    public jakarta.ws.rs.core.Response resume(@jakarta.ws.rs.PathParam("id") String id) {
        return jakarta.ws.rs.core.Response.accepted(RunView.of(training.resumeInBackground(id))).build();
    }

    /** A run as listed. */
    public record RunView(String id, String algorithm, String datasetId, long seed, String state, String configSha256,
            String codeVersion, String policySha256, String error, String createdBy, Instant createdAt,
            Instant finishedAt) {

        static RunView of(TrainingRun r) {
            return new RunView(r.getId(), r.getAlgorithm(), r.getDatasetId(), r.getSeed(), r.getState().name(),
                    r.getConfigSha256(), r.getCodeVersion(), r.getPolicySha256(), r.getError(), r.getCreatedBy(),
                    r.getCreatedAt(), r.getFinishedAt());
        }
    }

    /** A run with its config. */
    public record RunDetail(RunView run, String configJson) {
    }

    /** Learning curves: per metric name, the iterations and values in order. */
    public record Curves(Map<String, Curve> metrics) {
    }

    /** One learning curve. */
    public record Curve(List<Integer> iterations, List<Double> values) {
    }

    @GET
    @RolesAllowed({Roles.RESEARCHER, Roles.AUDITOR})
    @Operation(summary = "Training runs, newest first")
    public List<RunView> list() {
        return runs.list().stream().map(RunView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RESEARCHER, Roles.AUDITOR})
    @Operation(summary = "A run: algorithm, dataset, seed, config and its hash, code version, policy artifact")
    public RunDetail get(@PathParam("id") String id) {
        TrainingRun run = runs.find(id).orElseThrow(() -> new NotFoundException("No run " + id));
        return new RunDetail(RunView.of(run), run.getConfigJson());
    }

    @GET
    @Path("/{id}/metrics")
    @RolesAllowed({Roles.RESEARCHER, Roles.AUDITOR})
    @Operation(summary = "The run's metrics per iteration (learning curves)")
    public Curves metrics(@PathParam("id") String id) {
        runs.find(id).orElseThrow(() -> new NotFoundException("No run " + id));
        Map<String, Curve> curves = new LinkedHashMap<>();
        for (RunMetric m : runs.metrics(id)) {
            Curve curve = curves.computeIfAbsent(m.getName(), n -> new Curve(new ArrayList<>(), new ArrayList<>()));
            curve.iterations().add(m.getIteration());
            curve.values().add(m.getValue());
        }
        return new Curves(curves);
    }
}
