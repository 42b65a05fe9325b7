package dev.vigil.worldmodel.planner;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.ImagingLink;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.safety.contraindication.BclcStage;
import dev.vigil.safety.contraindication.ChildPughClass;
import dev.vigil.safety.contraindication.TaceCovariates;
import dev.vigil.worldmodel.protocol.TaceComponent;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import dev.vigil.worldmodel.volume.Mask;
import dev.vigil.worldmodel.volume.Nifti;
import dev.vigil.worldmodel.volume.Volume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Cases from an ingested {@code hcc-tace} dataset. Covariates come from the episode's state at the TACE bloc
 * (the first step with any action; the last non-missing value up to it); images from the episode's imaging
 * links, whose file names say what they hold ({@code pre_ct}, {@code pre_mask}, {@code post_ct},
 * {@code post_mask}, extension {@code .nii} or {@code .nii.gz}), resolved against the cohort folder.
 */
public final class HccCases {

    /** Image roles, matched against the link's file name without extension. */
    static final String PRE_CT = "pre_ct";
    static final String PRE_MASK = "pre_mask";
    static final String POST_CT = "post_ct";
    static final String POST_MASK = "post_mask";

    private HccCases() {}

    /** Every episode with pre-treatment images, as a case (episodes without them are skipped). */
    public static List<HccCase> fromDataset(TrajectoryDataset data, Path imagesBase) {
        List<HccCase> cases = new ArrayList<>();
        for (Episode episode : data.episodes()) {
            if (link(episode, PRE_CT).isPresent() && link(episode, PRE_MASK).isPresent()) {
                cases.add(toCase(data, episode, imagesBase));
            }
        }
        return cases;
    }

    /** One patient's case; IllegalArgumentException naming the id and a few known ids when it is not there. */
    public static HccCase find(TrajectoryDataset data, Path imagesBase, String patientId) {
        for (Episode episode : data.episodes()) {
            if (episode.id().equals(patientId)) {
                return toCase(data, episode, imagesBase);
            }
        }
        List<String> known = data.episodes().stream().limit(5).map(Episode::id).toList();
        throw new IllegalArgumentException("patient '" + patientId + "' is not in dataset " + data.schema().name()
                + " (" + data.episodes().size() + " episodes; e.g. " + String.join(", ", known) + ")");
    }

    /**
     * Training cases: every episode with pre- and post-treatment images linked and a TACE in its actions;
     * survival from the episode's outcome. Episodes without follow-up images are skipped (the world model
     * learns from observed changes only).
     */
    public static List<TrainingCase> trainingCases(TrajectoryDataset data, Path imagesBase) {
        List<TrainingCase> cases = new ArrayList<>();
        for (Episode episode : data.episodes()) {
            Optional<String> postCt = link(episode, POST_CT);
            Optional<String> postMask = link(episode, POST_MASK);
            if (postCt.isEmpty() || postMask.isEmpty() || episode.outcome() == null
                    || link(episode, PRE_CT).isEmpty()) {
                continue;
            }
            HccCase pre = toCase(data, episode, imagesBase);
            TaceProtocol given = givenProtocol(data, episode);
            cases.add(new TrainingCase(pre, given, readVolume(imagesBase, postCt.get()),
                    readMask(imagesBase, postMask.get()), episode.outcome().days(), episode.outcome().event()));
        }
        return cases;
    }

    /** The protocol of the episode's first TACE (the first step with any component). */
    public static TaceProtocol givenProtocol(TrajectoryDataset data, Episode episode) {
        if (!(episode.actions() instanceof ContinuousActions actions)) {
            throw new IllegalArgumentException("episode " + episode.id() + ": hcc-tace actions are 0/1 columns"
                    + " per component; this dataset has discrete actions");
        }
        List<String> columns = data.schema().actions().stream().map(Variable::name).toList();
        int step = taceStep(actions);
        Set<TaceComponent> components = EnumSet.noneOf(TaceComponent.class);
        for (TaceComponent component : TaceComponent.values()) {
            int column = columns.indexOf(component.actionColumn());
            if (column >= 0 && actions.value(step, column) > 0.5) {
                components.add(component);
            }
        }
        if (components.isEmpty()) {
            throw new IllegalArgumentException("episode " + episode.id() + " has no TACE component in its actions");
        }
        return TaceProtocol.of(components);
    }

    private static int taceStep(ContinuousActions actions) {
        for (int t = 0; t < actions.steps(); t++) {
            for (int a = 0; a < actions.width(); a++) {
                if (actions.value(t, a) > 0.5) {
                    return t;
                }
            }
        }
        return 0;
    }

    private static HccCase toCase(TrajectoryDataset data, Episode episode, Path imagesBase) {
        String preCt = link(episode, PRE_CT).orElseThrow(() -> new IllegalArgumentException("patient "
                + episode.id() + " has no pre-treatment CT linked (a DocumentReference to a " + PRE_CT
                + ".nii[.gz] file)"));
        String preMask = link(episode, PRE_MASK).orElseThrow(() -> new IllegalArgumentException("patient "
                + episode.id() + " has no pre-treatment tumour mask linked (" + PRE_MASK + ".nii[.gz])"));
        return new HccCase(episode.id(), readVolume(imagesBase, preCt), readMask(imagesBase, preMask),
                covariates(data, episode));
    }

    /** Covariates at the TACE bloc; what the dataset does not hold is missing. */
    static TaceCovariates covariates(TrajectoryDataset data, Episode episode) {
        if (!(episode.states() instanceof ContinuousStates states)) {
            return TaceCovariates.unknown();
        }
        List<String> names = data.schema().features().stream().map(Variable::name).toList();
        int upTo = episode.actions() instanceof ContinuousActions actions ? taceStep(actions) : 0;
        double cpClass = value(states, names, "child_pugh_class", upTo);
        double cpScore = value(states, names, "child_pugh_score", upTo);
        double bclc = value(states, names, "bclc_stage", upTo);
        Integer score = Double.isNaN(cpScore) ? null : (int) Math.round(cpScore);
        ChildPughClass cls = Double.isNaN(cpClass) ? null : ChildPughClass.values()[(int) Math.round(cpClass) - 1];
        if (cls != null && score != null && !cls.contains(score)) {
            score = null; // inconsistent records: keep the class, the rules read it
        }
        return new TaceCovariates(cls, score, value(states, names, "bilirubin", upTo),
                value(states, names, "albumin", upTo), value(states, names, "inr", upTo),
                value(states, names, "platelets", upTo), value(states, names, "creatinine", upTo),
                value(states, names, "afp", upTo), null,
                Double.isNaN(bclc) ? null : BclcStage.values()[(int) Math.round(bclc)], null, null, Double.NaN);
    }

    private static double value(ContinuousStates states, List<String> names, String feature, int upTo) {
        int f = names.indexOf(feature);
        if (f < 0) {
            return Double.NaN;
        }
        for (int t = Math.min(upTo, states.steps() - 1); t >= 0; t--) {
            if (!states.isMissing(t, f)) {
                return states.value(t, f);
            }
        }
        return Double.NaN;
    }

    /** The URL of the episode's image whose file name (without extension) is {@code role}. */
    static Optional<String> link(Episode episode, String role) {
        for (ImagingLink link : episode.imaging()) {
            String url = link.url();
            String name = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\.nii(\\.gz)?$", "");
            if (name.equals(role)) {
                return Optional.of(url);
            }
        }
        return Optional.empty();
    }

    static Path resolve(Path imagesBase, String url) {
        String relative = url.startsWith("file://") ? url.substring("file://".length()) : url;
        Path path = Path.of(relative);
        return path.isAbsolute() ? path : imagesBase.resolve(relative);
    }

    private static Volume readVolume(Path imagesBase, String url) {
        Path file = existing(imagesBase, url);
        try {
            return Nifti.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + file + ": " + e.getMessage(), e);
        }
    }

    private static Mask readMask(Path imagesBase, String url) {
        Path file = existing(imagesBase, url);
        try {
            return Nifti.readMask(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mask " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path existing(Path imagesBase, String url) {
        Path file = resolve(imagesBase, url);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("image file " + file + " (linked as " + url + ") does not exist");
        }
        return file;
    }
}
