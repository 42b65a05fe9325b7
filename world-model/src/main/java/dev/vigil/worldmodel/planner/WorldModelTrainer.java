package dev.vigil.worldmodel.planner;

import dev.vigil.common.CodeVersion;
import dev.vigil.common.Sha256;
import dev.vigil.worldmodel.dynamics.DynamicsOnnxExporter;
import dev.vigil.worldmodel.dynamics.DynamicsTrainer;
import dev.vigil.worldmodel.dynamics.TrainedDynamicsModel;
import dev.vigil.worldmodel.dynamics.TrainingConfig;
import dev.vigil.worldmodel.dynamics.WorldModelSample;
import dev.vigil.worldmodel.protocol.ProtocolSpace;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains a world model on treated patients: the dynamics models (DJL conditional VAE, docs/world-model.md; an
 * ensemble of {@code ensembleSize} trained one after the other with seeds seed, seed + 1, ...) on (windowed pre CT,
 * pre mask, given protocol) -> (post CT, post mask), each exported to ONNX, and the survival scorer as
 * {@link WorldModelTrainingConfig#scorer()} says (true follow-up images, or the dynamics' simulation of each case's
 * given protocol: {@link ScorerFit}). Seeded: the same cases and config give the same bundle id.
 */
public final class WorldModelTrainer {

    private WorldModelTrainer() {}

    public static WorldModelBundle train(List<TrainingCase> cases, WorldModelTrainingConfig config,
            Consumer<String> progress) {
        if (cases == null || cases.isEmpty()) {
            throw new IllegalArgumentException("no training cases");
        }
        Consumer<String> log = progress == null ? s -> { } : progress;
        int size = config.architecture().size();
        List<WorldModelSample> samples = new ArrayList<>(cases.size());
        for (TrainingCase c : cases) {
            String id = "training patient " + c.pre().patientId();
            VolumeEncoding.requireCube(c.pre().preCt().geometry(), size, id + " pre-treatment CT");
            samples.add(new WorldModelSample(VolumeEncoding.encode(c.pre().preCt()),
                    VolumeEncoding.encode(c.pre().preMask()), c.given().multiHot(),
                    VolumeEncoding.encode(c.postCt()), VolumeEncoding.encode(c.postMask()), size));
        }
        long start = System.nanoTime();
        List<byte[]> members = new ArrayList<>();
        List<String> finalLosses = new ArrayList<>();
        String samplesHash = null;
        for (int m = 0; m < config.ensembleSize(); m++) {
            TrainingConfig memberConfig = config.member(m);
            log.accept("training dynamics model " + (m + 1) + " of " + config.ensembleSize() + " (seed "
                    + memberConfig.seed() + ") on " + samples.size() + " cases at " + size + "^3, "
                    + memberConfig.epochs() + " epochs");
            TrainedDynamicsModel dynamics = new DynamicsTrainer(config.architecture(), memberConfig)
                    .train(samples, report -> log.accept(String.format(Locale.ROOT,
                            "epoch %d: loss %.4f (ct %.5f, bce %.4f, dice %.4f, kl %.4f)", report.epoch(),
                            report.total(), report.ct(), report.bce(), report.dice(), report.kl())));
            members.add(DynamicsOnnxExporter.export(dynamics.weights()).toByteArray());
            finalLosses.add(String.format(Locale.ROOT, "%.6f",
                    dynamics.history().get(dynamics.history().size() - 1).total()));
            samplesHash = dynamics.dataHash();
        }
        long dynamicsMillis = (System.nanoTime() - start) / 1_000_000;
        log.accept("fitting the survival scorer (Cox, Efron ties, " + config.scorer().label() + ") on " + cases.size()
                + " cases");
        SurvivalScorer scorer = ScorerFit.fit(cases, config.scorer(), members, size, config.scorerSimulation(), log);
        log.accept(String.format(Locale.ROOT, "scorer concordance on training data %.3f", scorer.concordance()));

        Map<String, String> manifest = new LinkedHashMap<>();
        manifest.put("trainedOn", dataHash(samplesHash, cases));
        manifest.put("trainingCases", Integer.toString(cases.size()));
        manifest.put("codeVersion", CodeVersion.current().label());
        manifest.put("configSha256", Sha256.hex(Sha256.newDigest()
                .digest(config.canonical().getBytes(StandardCharsets.UTF_8))));
        manifest.put("config", config.canonical());
        manifest.put("dynamics", (config.ensembleSize() == 1 ? "" : "ensemble of " + config.ensembleSize()
                + " (seeds " + config.dynamics().seed() + ".." + (config.dynamics().seed() + config.ensembleSize() - 1)
                + ") ") + "conditional VAE (DJL PyTorch) exported to ONNX, " + config.architecture());
        manifest.put("dynamicsTrainingMillis", Long.toString(dynamicsMillis));
        manifest.put("dynamicsFinalLoss", String.join(",", finalLosses));
        manifest.put("scorer", "Cox proportional hazards, Efron ties, " + config.scorer().source().label()
                + " post-treatment features, columns " + scorer.featureNames());
        manifest.put("scorerConcordance", String.format(Locale.ROOT, "%.4f", scorer.concordance()));
        manifest.put("protocolSpace", "tace-protocol-space/1 (" + ProtocolSpace.VALID_COUNT + " valid protocols)");
        manifest.put("cropSize", Integer.toString(size));
        manifest.put("huWindow", VolumeEncoding.WINDOW.level() + "/" + VolumeEncoding.WINDOW.width());
        return new WorldModelBundle(members, scorer, manifest);
    }

    /** SHA-256 over the dynamics samples' hash and every case's id, survival and event. */
    private static String dataHash(String dynamicsHash, List<TrainingCase> cases) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(dynamicsHash.getBytes(StandardCharsets.UTF_8));
        for (TrainingCase c : cases) {
            digest.update((c.pre().patientId() + "," + c.survivalDays() + "," + c.death() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(digest.digest());
    }
}
