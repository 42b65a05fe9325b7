package dev.vigil.worldmodel.planner;

import dev.vigil.safety.contraindication.ContraindicationFinding;
import dev.vigil.safety.contraindication.ContraindicationResult;
import dev.vigil.safety.contraindication.ContraindicationRuleSet;
import dev.vigil.worldmodel.onnx.SessionConfig;
import dev.vigil.worldmodel.onnx.Simulation;
import dev.vigil.worldmodel.onnx.WorldModelSession;
import dev.vigil.worldmodel.protocol.ProtocolSpace;
import dev.vigil.worldmodel.protocol.TaceComponent;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import dev.vigil.worldmodel.survival.SurvivalCurve;
import dev.vigil.worldmodel.volume.VolumeGeometry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks TACE protocols for a patient (docs/planner.md): every valid protocol (or a beam search), K simulations
 * each through the world model's ONNX sessions (one per ensemble member, opened once per planner; the K draws
 * shared out among the members), each simulated follow-up scored by the survival scorer, plans ranked by the
 * mean over members of each member's mean predicted risk (optionally plus a penalty on the members'
 * disagreement). A patient with a contraindication gets the ranking with the rule ids on every plan and no plan
 * recommended.
 */
public final class TacePlanner implements AutoCloseable {

    /** Version label of the protocol space ranked (docs/tace-protocols.md). */
    public static final String PROTOCOL_SPACE_VERSION = "tace-protocol-space/1 (" + ProtocolSpace.VALID_COUNT
            + " valid protocols)";

    private final WorldModelBundle bundle;
    private final PlannerConfig config;
    private final List<Path> onnxFiles = new ArrayList<>();
    private final List<WorldModelSession> sessions = new ArrayList<>();
    private final int[] draws;
    private final ContraindicationRuleSet contraindications = ContraindicationRuleSet.shipped();

    public TacePlanner(WorldModelBundle bundle, PlannerConfig config) {
        this.bundle = bundle;
        this.config = config;
        int members = bundle.ensembleSize();
        this.draws = new int[members];
        try {
            for (int m = 0; m < members; m++) {
                draws[m] = config.drawsForMember(m, members);
                Path file;
                try {
                    file = Files.createTempFile("vigil-world-model-" + m + "-", ".onnx");
                    onnxFiles.add(file);
                    Files.write(file, bundle.dynamicsOnnx(m));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot stage dynamics model " + m + ": " + e.getMessage(), e);
                }
                sessions.add(WorldModelSession.open(file, new SessionConfig(config.provider(), 0, bundle.cropSize(),
                        60)));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The execution provider the sessions run on. */
    public String executionProvider() {
        return sessions.get(0).executionProvider();
    }

    /** Simulations per plan of each ensemble member, in member order. */
    public List<Integer> drawsPerMember() {
        return Arrays.stream(draws).boxed().toList();
    }

    /** Ranks the protocols for one patient. */
    public PlanResult plan(HccCase patient) {
        long start = System.nanoTime();
        int size = bundle.cropSize();
        VolumeGeometry grid = patient.preCt().geometry();
        VolumeEncoding.requireCube(grid, size, "patient " + patient.patientId() + " pre-treatment CT");
        ContraindicationResult safety = contraindications.evaluate(patient.covariates());
        List<String> flags = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (ContraindicationFinding finding : safety.findings()) {
            (finding.status() == ContraindicationFinding.Status.VIOLATED ? flags : unknown)
                    .add(finding.ruleId() + ": " + finding.reason());
        }
        boolean recommendable = flags.isEmpty();

        Evaluator evaluator = new Evaluator(patient);
        Map<TaceProtocol, Scored> scored = config.beamWidth() == 0
                ? evaluator.evaluate(ProtocolSpace.validProtocols())
                : beamSearch(evaluator, config.beamWidth());
        List<Scored> order = new ArrayList<>(scored.values());
        order.sort(Comparator.comparingDouble(this::rankingScore)
                .thenComparingInt(s -> ProtocolSpace.indexOf(s.protocol())));

        List<RankedPlan> plans = new ArrayList<>(order.size());
        for (int r = 0; r < order.size(); r++) {
            Scored s = order.get(r);
            SurvivalCurve curve = bundle.scorer().curve(s.meanRisk());
            plans.add(new RankedPlan(r + 1, s.protocol().label(),
                    s.protocol().components().stream().map(TaceComponent::displayName).toList(), s.meanRisk(),
                    s.minRisk(), s.maxRisk(), SurvivalScorer.medianDays(curve), curve.times(), curve.survival(),
                    s.meanTumourMl(), evaluator.preSummary.tumourMl(), flags, recommendable && r == 0,
                    s.memberSd()));
        }
        List<PlanImages> images = meanImages(patient, evaluator,
                order.subList(0, Math.min(config.keepImagesForTop(), order.size())));
        return new PlanResult(patient.patientId(), bundle.id(), executionProvider(), PROTOCOL_SPACE_VERSION,
                safety.ruleSet().id() + " " + safety.ruleSet().version() + " sha256:" + safety.ruleSet().sha256(),
                flags, unknown, recommendable, plans, elapsedMillis(start), images, bundle.memberSha256(),
                drawsPerMember(), config.disagreementWeight());
    }

    /** What the ranking sorts by: mean risk + disagreement weight x the members' standard deviation. */
    private double rankingScore(Scored s) {
        return config.disagreementWeight() == 0 ? s.meanRisk()
                : s.meanRisk() + config.disagreementWeight() * s.memberSd();
    }

    /**
     * The mean of K simulations of one protocol for a patient: pre CT and mask, mean post CT (HU) and post mask
     * (mean probability at least 0.5). The protocol must be valid (the error names the broken rules).
     */
    public PlanImages simulate(HccCase patient, TaceProtocol protocol) {
        VolumeEncoding.requireCube(patient.preCt().geometry(), bundle.cropSize(),
                "patient " + patient.patientId() + " pre-treatment CT");
        ProtocolSpace.requireValid(protocol);
        Evaluator evaluator = new Evaluator(patient);
        return meanImages(patient, evaluator, List.of(new Scored(protocol, new double[][] {{0}}, 0))).get(0);
    }

    /**
     * The full scorer feature row ({@link ScorerFeatures#NAMES}) of the world model's simulation of one protocol
     * for a patient: the mean over members of each member's mean row over its draws, with the seed and draws the
     * ranking uses. The scorer is linear, so its risk of this row is the plan's {@code risk}. This is what
     * {@link ScorerFit#simulated} fits the scorer on (each training case with the protocol it was given, which
     * need not be a valid protocol of the space: the dynamics were trained on it).
     */
    public double[] simulatedFeatures(HccCase patient, TaceProtocol protocol) {
        VolumeEncoding.requireCube(patient.preCt().geometry(), bundle.cropSize(),
                "patient " + patient.patientId() + " pre-treatment CT");
        return new Evaluator(patient).meanFeatures(protocol);
    }

    /**
     * Scores protocols written by hand ({@code TaceProtocol.parse} syntax, e.g. "Epirubicin; Lipiodol"), ranked
     * like {@link #plan}: unknown names and invalid combinations fail with the protocol and the reason.
     */
    public List<RankedPlan> score(HccCase patient, List<String> protocolLabels) {
        List<TaceProtocol> protocols = new ArrayList<>();
        for (String label : protocolLabels) {
            protocols.add(ProtocolSpace.requireValid(TaceProtocol.parse(label)));
        }
        VolumeEncoding.requireCube(patient.preCt().geometry(), bundle.cropSize(),
                "patient " + patient.patientId() + " pre-treatment CT");
        List<String> flags = contraindications.evaluate(patient.covariates()).violations().stream()
                .map(f -> f.ruleId() + ": " + f.reason()).toList();
        Evaluator evaluator = new Evaluator(patient);
        List<Scored> order = new ArrayList<>(evaluator.evaluate(protocols).values());
        order.sort(Comparator.comparingDouble(this::rankingScore));
        List<RankedPlan> plans = new ArrayList<>();
        for (int r = 0; r < order.size(); r++) {
            Scored s = order.get(r);
            SurvivalCurve curve = bundle.scorer().curve(s.meanRisk());
            plans.add(new RankedPlan(r + 1, s.protocol().label(),
                    s.protocol().components().stream().map(TaceComponent::displayName).toList(), s.meanRisk(),
                    s.minRisk(), s.maxRisk(), SurvivalScorer.medianDays(curve), curve.times(), curve.survival(),
                    s.meanTumourMl(), evaluator.preSummary.tumourMl(), flags, false, s.memberSd()));
        }
        return plans;
    }

    private static long elapsedMillis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * MeWM-style beam search: the best {@code width} single drugs (with Lipiodol), then each extended by a
     * second drug (keeping the best {@code width} drug sets of both stages), then each of those with one more
     * embolic agent. Every protocol evaluated is ranked.
     */
    private Map<TaceProtocol, Scored> beamSearch(Evaluator evaluator, int width) {
        Map<TaceProtocol, Scored> all = new LinkedHashMap<>();
        List<TaceProtocol> singles = new ArrayList<>();
        for (TaceComponent drug : TaceComponent.values()) {
            if (drug.isDrug()) {
                singles.add(TaceProtocol.of(drug, TaceComponent.LIPIODOL));
            }
        }
        all.putAll(evaluator.evaluate(singles));
        List<TaceProtocol> beam = best(all, singles, width);
        List<TaceProtocol> pairs = new ArrayList<>();
        for (TaceProtocol base : beam) {
            for (TaceComponent drug : TaceComponent.values()) {
                if (drug.isDrug() && !base.contains(drug)) {
                    Set<TaceComponent> components = EnumSet.copyOf(base.components());
                    components.add(drug);
                    TaceProtocol candidate = TaceProtocol.of(components);
                    if (ProtocolSpace.isValid(candidate) && !all.containsKey(candidate) && !pairs.contains(candidate)) {
                        pairs.add(candidate);
                    }
                }
            }
        }
        all.putAll(evaluator.evaluate(pairs));
        List<TaceProtocol> drugSets = new ArrayList<>(singles);
        drugSets.addAll(pairs);
        beam = best(all, drugSets, width);
        List<TaceProtocol> withEmbolic = new ArrayList<>();
        for (TaceProtocol base : beam) {
            for (TaceComponent embolic : TaceComponent.values()) {
                if (!embolic.isDrug() && embolic != TaceComponent.LIPIODOL) {
                    Set<TaceComponent> components = EnumSet.copyOf(base.components());
                    components.add(embolic);
                    TaceProtocol candidate = TaceProtocol.of(components);
                    if (ProtocolSpace.isValid(candidate) && !all.containsKey(candidate)) {
                        withEmbolic.add(candidate);
                    }
                }
            }
        }
        all.putAll(evaluator.evaluate(withEmbolic));
        return all;
    }

    private List<TaceProtocol> best(Map<TaceProtocol, Scored> scored, List<TaceProtocol> among, int width) {
        return among.stream().sorted(Comparator.comparingDouble((TaceProtocol p) -> rankingScore(scored.get(p)))
                .thenComparingInt(ProtocolSpace::indexOf)).limit(width).toList();
    }

    /** Mean simulated images of the given plans (the same seeded draws as the ranking: common random numbers). */
    private List<PlanImages> meanImages(HccCase patient, Evaluator evaluator, List<Scored> top) {
        if (top.isEmpty()) {
            return List.of();
        }
        List<float[]> protocols = top.stream().map(s -> s.protocol().multiHot()).toList();
        int voxels = evaluator.pre.length;
        float[][] ct = new float[top.size()][voxels];
        float[][] probability = new float[top.size()][voxels];
        for (int m = 0; m < sessions.size(); m++) {
            // Every member weighs the same, whatever its number of draws.
            float share = 1f / (sessions.size() * draws[m]);
            for (Simulation s : sessions.get(m).simulate(evaluator.pre, evaluator.mask, protocols, draws[m],
                    config.seed())) {
                for (int i = 0; i < voxels; i++) {
                    ct[s.protocolIndex()][i] += s.postCt()[i] * share;
                    probability[s.protocolIndex()][i] += s.postMask()[i] * share;
                }
            }
        }
        VolumeGeometry grid = patient.preCt().geometry();
        List<PlanImages> images = new ArrayList<>();
        for (int p = 0; p < top.size(); p++) {
            images.add(new PlanImages(patient.preCt(), patient.preMask(), VolumeEncoding.decode(ct[p], grid),
                    VolumeEncoding.decodeMask(probability[p], grid)));
        }
        return images;
    }

    /** One protocol's scores: {@code risks[member][draw]}. */
    record Scored(TaceProtocol protocol, double[][] risks, double meanTumourMl) {
        double memberMean(int member) {
            double sum = 0;
            for (double r : risks[member]) {
                sum += r;
            }
            return sum / risks[member].length;
        }

        /** Mean over members of each member's mean: members weigh the same whatever their number of draws. */
        double meanRisk() {
            double sum = 0;
            for (int m = 0; m < risks.length; m++) {
                sum += memberMean(m);
            }
            return sum / risks.length;
        }

        /** Population standard deviation of the members' means (0 for one member). */
        double memberSd() {
            double mean = meanRisk();
            double squares = 0;
            for (int m = 0; m < risks.length; m++) {
                double d = memberMean(m) - mean;
                squares += d * d;
            }
            return Math.sqrt(squares / risks.length);
        }

        double minRisk() {
            double min = Double.POSITIVE_INFINITY;
            for (double[] member : risks) {
                for (double r : member) {
                    min = Math.min(min, r);
                }
            }
            return min;
        }

        double maxRisk() {
            double max = Double.NEGATIVE_INFINITY;
            for (double[] member : risks) {
                for (double r : member) {
                    max = Math.max(max, r);
                }
            }
            return max;
        }
    }

    /** Simulates and scores protocols for one patient. */
    private final class Evaluator {
        final HccCase patient;
        final float[] pre;
        final float[] mask;
        final double voxelMl;
        final ImageSummary preSummary;

        Evaluator(HccCase patient) {
            this.patient = patient;
            this.pre = VolumeEncoding.encode(patient.preCt());
            this.mask = VolumeEncoding.encode(patient.preMask());
            this.voxelMl = patient.preCt().geometry().voxelVolumeMm3() / 1000;
            this.preSummary = ImageSummary.of(patient.preCt().voxels(), mask, voxelMl);
        }

        double[] meanFeatures(TaceProtocol protocol) {
            int members = sessions.size();
            double[] mean = new double[ScorerFeatures.NAMES.size()];
            for (int m = 0; m < members; m++) {
                double share = 1.0 / (members * draws[m]);
                sessions.get(m).simulateEach(pre, mask, List.of(protocol.multiHot()), draws[m], config.seed(),
                        view -> {
                            ImageSummary post = ImageSummary.ofWindowed(view.postCt(), view.postMask(), voxelMl);
                            double[] row = ScorerFeatures.of(preSummary, post, patient.covariates(), protocol);
                            for (int j = 0; j < row.length; j++) {
                                mean[j] += row[j] * share;
                            }
                        });
            }
            return mean;
        }

        Map<TaceProtocol, Scored> evaluate(List<TaceProtocol> protocols) {
            Map<TaceProtocol, Scored> out = new LinkedHashMap<>();
            if (protocols.isEmpty()) {
                return out;
            }
            int members = sessions.size();
            double[][][] risks = new double[protocols.size()][members][];
            double[] ml = new double[protocols.size()];
            SurvivalScorer scorer = bundle.scorer();
            List<float[]> encoded = protocols.stream().map(TaceProtocol::multiHot).toList();
            for (int m = 0; m < members; m++) {
                int member = m;
                int k = draws[m];
                for (double[][] protocolRisks : risks) {
                    protocolRisks[m] = new double[k];
                }
                // Every member uses the same seed: draw j has the same noise for every protocol and member.
                sessions.get(m).simulateEach(pre, mask, encoded, k, config.seed(), view -> {
                    TaceProtocol protocol = protocols.get(view.protocolIndex());
                    ImageSummary post = ImageSummary.ofWindowed(view.postCt(), view.postMask(), voxelMl);
                    risks[view.protocolIndex()][member][view.draw()] = scorer.risk(
                            ScorerFeatures.of(preSummary, post, patient.covariates(), protocol));
                    ml[view.protocolIndex()] += post.tumourMl() / (members * k);
                });
            }
            for (int p = 0; p < protocols.size(); p++) {
                out.put(protocols.get(p), new Scored(protocols.get(p), risks[p], ml[p]));
            }
            return out;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A temporary file; the OS cleans it up.
        }
    }

    @Override
    public void close() {
        try {
            for (WorldModelSession session : sessions) {
                session.close();
            }
        } finally {
            onnxFiles.forEach(TacePlanner::deleteQuietly);
        }
    }
}
