package dev.vigil.api.tace;

import dev.vigil.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * TACE planning: clinicians rank a patient's plans and look at their simulated tumours; researchers read the
 * world model's provenance and evaluation. Auditors have nothing here.
 */
@Path("/api/tace")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "TACE planning")
public class TaceResource {

    @Inject
    TacePlanningService planning;

    @GET
    @Path("/patients")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Patients of the dataset the newest world model was trained on (409 when none is trained)")
    public TaceViews.PatientsView patients() {
        return planning.patients();
    }

    @POST
    @Path("/patients/{id}/plans")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Rank every valid TACE protocol for the patient (body optional: k, seed, provider)")
    public TaceViews.PlanView plan(@PathParam("id") String patientId, TaceViews.PlanRequest request) {
        TaceViews.PlanRequest options = request == null ? new TaceViews.PlanRequest(null, null, null) : request;
        return planning.plan(patientId, TacePlanningService.PlanOptions.of(options.k(), options.seed(),
                options.provider())).view();
    }

    @GET
    @Path("/patients/{id}/plans")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "The patient's last ranked plans (404 before the first ranking)")
    public TaceViews.PlanView lastPlan(@PathParam("id") String patientId) {
        return planning.lastPlan(patientId).map(TacePlanningService.Planned::view)
                .orElseThrow(() -> new UnknownPatientException("No plans for patient '" + patientId
                        + "' yet: rank them first (POST /api/tace/patients/{id}/plans)"));
    }

    @GET
    @Path("/patients/{id}/plans/{rank}/slices/{z}")
    @Produces("image/png")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Axial slice z of a ranked plan's pre-treatment (kind=pre) or simulated (kind=post) CT")
    public Response slice(@PathParam("id") String patientId, @PathParam("rank") String rank,
            @PathParam("z") String z, @QueryParam("kind") String kind) {
        byte[] png = planning.slice(patientId, integer("rank", rank), integer("z", z), kind);
        return Response.ok(png, "image/png").header("Cache-Control", "private, max-age=300").build();
    }

    @GET
    @Path("/world-model")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "The newest world model: manifest, provenance and the evaluation stored with it")
    public TaceViews.WorldModelView worldModel() {
        return planning.worldModel();
    }

    private static int integer(String name, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got '" + text + "'");
        }
    }
}
