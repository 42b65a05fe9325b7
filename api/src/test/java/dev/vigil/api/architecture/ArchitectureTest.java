package dev.vigil.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.Entity;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries and conventions of docs/architecture.md, checked on the compiled classes. */
class ArchitectureTest {

    private static final String[] LOWER_MODULES = {"dev.vigil.common..", "dev.vigil.artifact..",
        "dev.vigil.ingestion..", "dev.vigil.safety..", "dev.vigil.offlinerl..", "dev.vigil.worldmodel.."};

    private static JavaClasses vigil;

    @BeforeAll
    static void importClasses() {
        vigil = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.vigil");
    }

    @Test
    void lowerModulesKnowNothingOfHttpTheDatabaseOrTheFramework() {
        noClasses().that().resideInAnyPackage(LOWER_MODULES)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "jakarta.ws.rs..",
                        "jakarta.transaction..", "io.quarkus..", "io.vertx..", "org.hibernate..", "dev.vigil.api..")
                .allowEmptyShould(true)
                .check(vigil);
    }

    @Test
    void safetyRulesDoNotDependOnTrainingOrInferenceEngines() {
        noClasses().that().resideInAnyPackage("dev.vigil.safety..", "dev.vigil.ingestion..", "dev.vigil.common..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "ai.onnxruntime..")
                .allowEmptyShould(true)
                .check(vigil);
    }

    @Test
    void entitiesLiveInTheApiModuleOnly() {
        classes().that().areAnnotatedWith(Entity.class).should().resideInAPackage("dev.vigil.api..").check(vigil);
    }

    @Test
    void everyEndpointDeclaresItsRoles() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Path.class)
                .and().areAnnotatedWith(GET.class).or().areAnnotatedWith(POST.class).or().areAnnotatedWith(PUT.class)
                .or().areAnnotatedWith(PATCH.class).or().areAnnotatedWith(DELETE.class)
                .should().beAnnotatedWith(RolesAllowed.class).orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(DenyAll.class)
                .because("an endpoint open by accident is a data leak; declare who may call it")
                .check(vigil);
    }

    /**
     * {@code @PermitAll} opens an endpoint to anyone as far as user roles go. The only endpoints allowed it are the
     * CDS Hooks ones: their callers are EHRs authenticated by a signed JWT that {@code CdsResource} verifies itself
     * ({@code CdsJwtVerifier}), not Vigil users with roles. RoleAccessTest checks that they refuse calls without a JWT.
     */
    @Test
    void onlyTheCdsHooksEndpointsArePermitAll() {
        methods().that().areAnnotatedWith(PermitAll.class)
                .should().beDeclaredIn(dev.vigil.api.cds.CdsResource.class)
                .allowEmptyShould(true)
                .because("only CDS Hooks callers are authenticated by something other than user roles (a JWT)")
                .check(vigil);
        noClasses().should().beAnnotatedWith(PermitAll.class)
                .because("a class-wide @PermitAll would open every endpoint it gains later")
                .check(vigil);
    }

    @Test
    void endpointsNeverReturnEntities() {
        noMethods().that().areDeclaredInClassesThat().areAnnotatedWith(Path.class).and().arePublic()
                .should().haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe("an entity",
                        c -> c.isAnnotatedWith(Entity.class)))
                .because("entities never leave as JSON: map them to view records")
                .check(vigil);
    }
}
