package dev.vigil.api.rules;

import dev.vigil.api.security.Roles;
import dev.vigil.safety.cost.Rule;
import dev.vigil.safety.cost.RuleSet;
import dev.vigil.safety.cost.RuleSetDiff;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Rule sets over HTTP. Everyone signed in reads them (a clinician sees the rules a recommendation was checked
 * against, an auditor reviews them); only researchers and administrators publish a new version.
 */
@Path("/api/rule-sets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Safety rules")
public class RuleSetResource {

    @Inject
    RuleSetService service;

    @Inject
    SecurityIdentity identity;

    /** A version as listed. */
    public record VersionView(String ruleSetId, String version, String contentHash, String createdBy,
            Instant createdAt, String reason) {
        static VersionView of(RuleSetVersionRecord r) {
            return new VersionView(r.getRuleSetId(), r.getVersion(), r.getContentHash(), r.getCreatedBy(),
                    r.getCreatedAt(), r.getReason());
        }
    }

    /** A rule as shown: its condition written as one line. */
    public record RuleView(String id, String condition, double weight, String rationale, String source,
            String unit) {
    }

    /** A version with its rules and its file. */
    public record VersionDetail(VersionView version, String description, Map<String, String> units,
            List<RuleView> rules, String yaml) {
    }

    /** A rule set with its newest version. */
    public record RuleSetSummary(String id, String latestVersion, int versionCount, String description) {
    }

    /** An edit: the whole new file and why. */
    public record PublishRequest(@NotBlank(message = "the rule set file (field 'yaml') is required") String yaml,
            @NotBlank(message = "say why the rules change (field 'reason')") String reason) {
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.RESEARCHER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Registered rule sets with their newest version")
    public List<RuleSetSummary> list() {
        return service.ids().stream().map(id -> {
            List<RuleSetVersionRecord> versions = service.versions(id);
            RuleSetVersionRecord latest = versions.get(versions.size() - 1);
            return new RuleSetSummary(id, latest.getVersion(), versions.size(),
                    service.ruleSet(latest).description());
        }).toList();
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({Roles.CLINICIAN, Roles.RESEARCHER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Every version of a rule set, oldest first, with who published it, when and why")
    public List<VersionView> versions(@PathParam("id") String id) {
        service.latest(id);
        return service.versions(id).stream().map(VersionView::of).toList();
    }

    @GET
    @Path("/{id}/versions/{version}")
    @RolesAllowed({Roles.CLINICIAN, Roles.RESEARCHER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "One version: its rules and its file")
    public VersionDetail version(@PathParam("id") String id, @PathParam("version") String version) {
        RuleSetVersionRecord record = service.require(id, version);
        RuleSet set = service.ruleSet(record);
        List<RuleView> rules = set.rules().stream().map(RuleSetResource::view).toList();
        return new VersionDetail(VersionView.of(record), set.description(), set.units(), rules, record.getYaml());
    }

    @GET
    @Path("/{id}/diff")
    @RolesAllowed({Roles.CLINICIAN, Roles.RESEARCHER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "What changed between two versions, rule by rule and field by field")
    public RuleSetDiff diff(@PathParam("id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            throw new BadRequestException("Give both versions to compare: ?from=1.0.0&to=1.1.0");
        }
        return service.diff(id, from, to);
    }

    @POST
    @Path("/{id}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESEARCHER, Roles.ADMIN})
    @Operation(summary = "Publish an edit as a new version (the version must be above the newest)")
    public Response publish(@PathParam("id") String id, @Valid @NotNull PublishRequest request) {
        RuleSetVersionRecord record = service.publish(id, request.yaml(), request.reason(),
                identity.getPrincipal().getName());
        return Response.status(201).entity(VersionView.of(record)).build();
    }

    private static RuleView view(Rule rule) {
        return new RuleView(rule.id(), RuleSetDiff.describe(rule.condition()), rule.weight(), rule.rationale(),
                rule.source(), rule.unit());
    }
}
