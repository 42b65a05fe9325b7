package dev.vigil.api.rest;

import dev.vigil.api.security.Roles;
import dev.vigil.common.CodeVersion;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What is running: shown in the UI's footer and recorded by auditors. */
@Path("/api/system/info")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "System")
public class SystemInfoResource {

    /** The running version and where its data lives. */
    public record SystemInfo(String version, String codeVersion, String databaseKind) {
    }

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String databaseKind;

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.RESEARCHER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The running version of Vigil and its database kind")
    public SystemInfo info() {
        CodeVersion code = CodeVersion.current();
        return new SystemInfo(code.version(), code.label(), databaseKind);
    }
}
