package dev.vigil.api.run;

import static dev.vigil.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.api.WithTestUsers;
import dev.vigil.api.security.Roles;
import dev.vigil.api.serving.BedsideFixture;
import dev.vigil.offlinerl.algo.TrainingListener;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints and resume of a model-based run: a run interrupted at an iteration continues from its latest checkpoint
 * and ends with exactly the policy an uninterrupted run of the same seed learns.
 */
@QuarkusTest
class TrainingResumeTest extends WithTestUsers {

    @Inject
    TrainingService training;

    @Inject
    RunService runs;

    private static final class Interrupted extends RuntimeException {
        Interrupted(int iteration) {
            super("interrupted at iteration " + iteration);
        }
    }

    private TrainingService.Prepared prepared() throws Exception {
        String dataset = runs.find(BedsideFixture.servedRun()).orElseThrow().getDatasetId();
        ObjectNode fields = (ObjectNode) new ObjectMapper().readTree(
                "{\"iterations\": 7, \"episodesPerIteration\": 4, \"horizon\": 5, \"hiddenUnits\": 8, "
                        + "\"valueEpochs\": 2}");
        return training.prepare("gmb-cpo", dataset, fields, "test", 5);
    }

    @Test
    void anInterruptedRunResumesFromItsLatestCheckpointToTheSamePolicy() throws Exception {
        TrainingRun whole = training.train(prepared(), BedsideFixture.USER, TrainingListener.NONE, 0);
        assertThat(whole.getState()).isEqualTo(TrainingRun.State.SUCCEEDED);

        TrainingService.Prepared prepared = prepared();
        String[] runId = new String[1];
        assertThatThrownBy(() -> training.train(prepared, BedsideFixture.USER, (iteration, metrics) -> {
            if (iteration == 6) {
                throw new Interrupted(iteration);
            }
        }, 2)).isInstanceOf(Interrupted.class);
        TrainingRun failed = runs.list().stream().filter(r -> r.getState() == TrainingRun.State.FAILED
                && "interrupted at iteration 6".equals(r.getError())).findFirst().orElseThrow();
        runId[0] = failed.getId();
        // Checkpoints after iterations 2 and 4; the interruption came before iteration 6's was written.
        try (Stream<java.nio.file.Path> files = Files.list(training.checkpointDirectory(runId[0]))) {
            assertThat(files.count()).isGreaterThanOrEqualTo(2);
        }

        List<Integer> resumedFrom = new java.util.ArrayList<>();
        TrainingRun resumed = training.resume(runId[0].substring(0, 8), (iteration, metrics) ->
                resumedFrom.add(iteration));
        assertThat(resumed.getId()).isEqualTo(runId[0]);
        assertThat(resumed.getState()).isEqualTo(TrainingRun.State.SUCCEEDED);
        assertThat(resumed.getError()).isNull();
        assertThat(resumedFrom).containsExactly(5, 6, 7);
        // The same network, log-stds and figures; the document also says where the run resumed.
        ObjectNode wholeDoc = (ObjectNode) new ObjectMapper().readTree(runs.policyOf(whole.getId(), "test").stored());
        ObjectNode resumedDoc = (ObjectNode) new ObjectMapper().readTree(runs.policyOf(runId[0], "test").stored());
        assertThat(((ObjectNode) resumedDoc.get("summary")).remove("resumedFromIteration").asDouble()).isEqualTo(4.0);
        assertThat(((ObjectNode) wholeDoc.get("summary")).remove("resumedFromIteration").asDouble()).isEqualTo(0.0);
        assertThat(resumedDoc.get("network")).isEqualTo(wholeDoc.get("network"));
        assertThat(resumedDoc).isEqualTo(wholeDoc);
        // Every iteration has its metrics, as in the uninterrupted run.
        assertThat(runs.metrics(runId[0]).stream().map(RunMetric::getIteration).distinct().sorted().toList())
                .isEqualTo(runs.metrics(whole.getId()).stream().map(RunMetric::getIteration).distinct().sorted()
                        .toList());

        assertThatThrownBy(() -> training.resume(runId[0], TrainingListener.NONE))
                .hasMessageContaining("has already succeeded");
    }

    @Test
    void overHttpARunKeepsCheckpointsAndResumingIsRefusedWhenThereIsNothingToResume() throws Exception {
        String dataset = runs.find(BedsideFixture.servedRun()).orElseThrow().getDatasetId();
        String runId = as(Roles.RESEARCHER).contentType("application/json")
                .body("{\"algorithm\":\"mb-trpo\",\"dataset\":\"" + dataset + "\",\"seed\":3,\"checkpointEvery\":2,"
                        + "\"config\":{\"iterations\":3,\"episodesPerIteration\":4,\"horizon\":5,\"hiddenUnits\":8}}")
                .when().post("/api/runs").then().statusCode(202).extract().path("id");
        String state = "RUNNING";
        for (int i = 0; i < 300 && "RUNNING".equals(state); i++) {
            Thread.sleep(100);
            state = as(Roles.RESEARCHER).when().get("/api/runs/" + runId).then().extract().path("run.state");
        }
        assertThat(state).isEqualTo("SUCCEEDED");
        // After iteration 2 and after the last (3).
        try (Stream<java.nio.file.Path> files = Files.list(training.checkpointDirectory(runId))) {
            assertThat(files.count()).isEqualTo(2);
        }
        as(Roles.RESEARCHER).when().post("/api/runs/" + runId + "/resume").then().statusCode(400)
                .body("detail", containsString("has already succeeded"));
        as(Roles.CLINICIAN).when().post("/api/runs/" + runId + "/resume").then().statusCode(403);
        as(Roles.RESEARCHER).contentType("application/json")
                .body("{\"algorithm\":\"bc\",\"dataset\":\"" + dataset + "\",\"seed\":3,\"checkpointEvery\":2}")
                .when().post("/api/runs").then().statusCode(400)
                .body("detail", containsString("'bc' does not write checkpoints"));
    }

    @Test
    void aRunStillTrainingInThisProcessIsNotResumed() throws Exception {
        TrainingService.Prepared prepared = prepared();
        java.util.concurrent.CountDownLatch atFirstIteration = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.Future<TrainingRun> running = thread.submit(() -> training.train(prepared,
                BedsideFixture.USER, (iteration, metrics) -> {
                    atFirstIteration.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, 2));
        try {
            assertThat(atFirstIteration.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            TrainingRun run = runs.list().stream().filter(r -> r.getState() == TrainingRun.State.RUNNING)
                    .findFirst().orElseThrow();
            assertThatThrownBy(() -> training.resume(run.getId(), TrainingListener.NONE))
                    .hasMessageContaining("is training now");
        } finally {
            release.countDown();
        }
        assertThat(running.get(120, java.util.concurrent.TimeUnit.SECONDS).getState())
                .isEqualTo(TrainingRun.State.SUCCEEDED);
        thread.shutdown();
    }

    @Test
    void checkpointsAreRefusedWhereTheyCannotBeKeptOrResumed() throws Exception {
        String dataset = runs.find(BedsideFixture.servedRun()).orElseThrow().getDatasetId();
        assertThatThrownBy(() -> training.train(training.prepare("ogsrl", dataset, null, "defaults", 1),
                BedsideFixture.USER, TrainingListener.NONE, 5))
                .hasMessageContaining("'ogsrl' does not write checkpoints")
                .hasMessageContaining("gmb-cpo");
        assertThatThrownBy(() -> training.train(prepared(), BedsideFixture.USER, TrainingListener.NONE, -1))
                .hasMessageContaining("--checkpoint-every must be 0");

        TrainingService.Prepared prepared = prepared();
        assertThatThrownBy(() -> training.train(prepared, BedsideFixture.USER, (iteration, metrics) -> {
            throw new Interrupted(iteration);
        }, 0)).isInstanceOf(Interrupted.class);
        TrainingRun noCheckpoints = runs.list().stream().filter(r -> "interrupted at iteration 1".equals(r.getError()))
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> training.resume(noCheckpoints.getId(), TrainingListener.NONE))
                .hasMessageContaining("has no checkpoint")
                .hasMessageContaining("--checkpoint-every");
    }
}
