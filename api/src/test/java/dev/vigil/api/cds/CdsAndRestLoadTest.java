package dev.vigil.api.cds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.TestUsers;
import dev.vigil.api.WithTestUsers;
import dev.vigil.api.audit.AuditEntry;
import dev.vigil.api.audit.AuditTrail;
import dev.vigil.api.audit.AuditVerifier;
import dev.vigil.api.security.Roles;
import dev.vigil.api.serving.BedsideFixture;
import dev.vigil.api.serving.ServedModel;
import dev.vigil.api.serving.ServingService;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.Episode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The load benchmark of docs/benchmarks.md, short by default (correctness only: every request answered, and the
 * audit trail holds exactly one entry per request). {@code -Dvigil.bench.requests=N} makes it long; figures are
 * printed and appended to {@code target/bedside-benchmark.txt}.
 */
@QuarkusTest
class CdsAndRestLoadTest extends WithTestUsers {

    @Inject
    ServingService serving;

    @Inject
    AuditTrail audit;

    @Inject
    AuditVerifier verifier;

    @Inject
    CdsAdmission admission;

    @Test
    void thirtyTwoClientsEveryRequestAnsweredAndAuditedOnce() throws Exception {
        BedsideFixture.servedRun();
        ServedModel model = serving.active(ServingService.SEPSIS);
        int clients = Integer.getInteger("vigil.bench.clients", 32);
        int requests = Integer.getInteger("vigil.bench.requests", 96);
        String base = "http://localhost:" + RestAssured.port;

        // Clinicians come through the UI's session cookie (form login): bcrypt runs once, at sign-in.
        String cookie = given().contentType("application/x-www-form-urlencoded")
                .formParam("j_username", TestUsers.BY_ROLE.get(Roles.CLINICIAN)).formParam("j_password",
                        TestUsers.PASSWORD).when().post("/j_security_check").then().statusCode(200)
                .extract().cookie("quarkus-credential");
        Episode episode = model.policy().data().episodes().get(1);
        double[] row = ((ContinuousStates) episode.states()).values()[episode.steps() - 1];
        Map<String, Double> features = new LinkedHashMap<>();
        List<String> names = model.policy().featureNames();
        for (int f = 0; f < names.size(); f++) {
            if (!Double.isNaN(row[f])) {
                features.put(names.get(f), row[f]);
            }
        }
        String restBody = new ObjectMapper().writeValueAsString(Map.of("patientId", episode.id(), "features", features,
                "currentDoses", Map.of("iv_fluid", 250.0, "vasopressor", 0.05)));
        String service = base + "/cds-services/" + CdsServices.PATIENT_VIEW;
        String cdsBody = "{\"hook\":\"patient-view\",\"hookInstance\":\"bench\",\"context\":{\"userId\":"
                + "\"Practitioner/1\",\"patientId\":\"" + episode.id() + "\"},\"prefetch\":"
                + PatientFhir.of(model, episode).prefetchJson(model.cohort(), Instant.now()) + "}";

        BedsideLoadRunner runner = new BedsideLoadRunner();
        long before = audit.headSeq();
        // Warm-up, not counted in the figures (but audited like every request): long enough for the JIT to compile
        // the request paths, or the measured run pays for compilation.
        int warm = Integer.getInteger("vigil.bench.warmup", Math.min(requests, 64));
        URI restUri = URI.create(base + "/api/recommendations");
        java.util.function.Supplier<BedsideLoadRunner.Call> restRequest = () -> BedsideLoadRunner.post(restUri,
                restBody, "Cookie", "quarkus-credential=" + cookie);
        runner.run("warm-up REST", clients, warm, restRequest);
        runner.run("warm-up CDS", clients, warm, signedCdsCalls(service, cdsBody, warm));
        BedsideLoadRunner.Result rest = runner.run("POST /api/recommendations", clients, requests, restRequest);
        BedsideLoadRunner.Result cds = runner.run("POST /cds-services/" + CdsServices.PATIENT_VIEW + " (prefetch)",
                clients, requests, signedCdsCalls(service, cdsBody, requests));
        // One client after the other: the latency of a request without queueing behind 31 others.
        int single = Math.max(8, requests / 8);
        BedsideLoadRunner.Result restOne = runner.run("POST /api/recommendations, 1 client", 1, single, restRequest);
        BedsideLoadRunner.Result cdsOne = runner.run("POST /cds-services/" + CdsServices.PATIENT_VIEW
                + " (prefetch), 1 client", 1, single, signedCdsCalls(service, cdsBody, single));
        // Optional A/B of the admission limit (CdsAdmission): rounds alternate the configured limit with another
        // (-Dvigil.bench.compare-admission=-1 for none), so both see the same machine load, round after round.
        StringBuilder compared = new StringBuilder();
        int extraRest = 0;
        int extraCds = 0;
        int failures = 0;
        String other = System.getProperty("vigil.bench.compare-admission");
        if (other != null) {
            int configured = admission.limit();
            int rounds = Integer.getInteger("vigil.bench.rounds", 3);
            for (int round = 1; round <= rounds; round++) {
                for (int limit : new int[] {configured, Integer.parseInt(other)}) {
                    admission.limit(limit);
                    BedsideLoadRunner.Result r = runner.run("round " + round + ", admission limit " + limit
                            + ": POST /api/recommendations", clients, requests, restRequest);
                    BedsideLoadRunner.Result c = runner.run("round " + round + ", admission limit " + limit
                            + ": CDS patient-view", clients, requests, signedCdsCalls(service, cdsBody, requests));
                    compared.append("  ").append(r).append("\n  ").append(c).append("\n");
                    extraRest += requests;
                    extraCds += requests;
                    failures += r.failures() + c.failures();
                }
            }
            admission.limit(configured);
        }
        String report = Instant.now() + " (load average " + String.format(java.util.Locale.ROOT, "%.1f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + "; admission limit " + admission.limit() + ")\n  "
                + rest + "\n  " + cds + "\n  " + restOne + "\n  " + cdsOne + "\n" + compared;
        System.out.println(report);
        Files.writeString(Path.of("target", "bedside-benchmark.txt"), report, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);

        assertThat(rest.failures() + restOne.failures()).isZero();
        assertThat(cds.failures() + cdsOne.failures() + failures).isZero();
        long total = 2L * warm + 2L * requests + 2L * single + extraRest + extraCds;
        assertThat(audit.headSeq() - before).isEqualTo(total);
        List<AuditEntry> added = new java.util.ArrayList<>();
        for (long after = before; after < before + total; after += 500) {
            added.addAll(audit.page(after, (int) Math.min(500, before + total - after)));
        }
        assertThat(added).hasSize((int) total);
        // Entries of one group commit share their timestamp: distinct timestamps bound the transactions from above.
        long transactions = added.stream().map(AuditEntry::getRecordedAt).distinct().count();
        String batching = String.format(java.util.Locale.ROOT, "  audit: %d entries in at most %d transactions "
                + "(>= %.1f entries per transaction)%n", total, transactions, (double) total / transactions);
        System.out.println(batching);
        Files.writeString(Path.of("target", "bedside-benchmark.txt"), batching, StandardOpenOption.APPEND);
        assertThat(added.stream().filter(e -> e.getKind().equals("recommendation")).count())
                .isEqualTo(warm + requests + single + extraRest);
        assertThat(added.stream().filter(e -> e.getKind().equals("cds-patient-view")).count())
                .isEqualTo(warm + requests + single + extraCds);
        assertThat(verifier.verify().valid()).isTrue();
    }

    /**
     * CDS calls, each with its own freshly signed ES256 token, signed before the run starts: an EHR signs on its
     * own machine, so signing in the measured window would charge the EHR's CPU to Vigil on these shared cores.
     * The server still verifies every token (a new jti and signature per call).
     */
    private static java.util.function.Supplier<BedsideLoadRunner.Call> signedCdsCalls(String service,
            String body, int count) throws Exception {
        java.util.concurrent.ConcurrentLinkedQueue<BedsideLoadRunner.Call> calls =
                new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int i = 0; i < count; i++) {
            calls.add(BedsideLoadRunner.post(URI.create(service), body, "Authorization", "Bearer "
                    + CdsTestIssuers.es256(CdsTestIssuers.claims(CdsTestIssuers.JWKS_ISSUER, service).build())));
        }
        return () -> java.util.Objects.requireNonNull(calls.poll(), "more CDS calls taken than signed");
    }
}
