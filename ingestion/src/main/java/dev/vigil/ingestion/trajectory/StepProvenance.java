package dev.vigil.ingestion.trajectory;

import dev.vigil.ingestion.dataset.EpisodeProvenance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/** Collects, per step, the patient's resource references that contributed, then numbers them per episode. */
final class StepProvenance {

    private final PatientFacts patient;
    private final List<TreeSet<Integer>> steps = new ArrayList<>();

    StepProvenance(PatientFacts patient, int blocs) {
        this.patient = patient;
        for (int b = 0; b < blocs; b++) {
            steps.add(new TreeSet<>());
        }
    }

    void add(int bloc, int ref) {
        steps.get(bloc).add(ref);
    }

    /** The episode's table holds each reference once, in the patients' reference order. */
    EpisodeProvenance build(BlocGrid grid) {
        TreeSet<Integer> all = new TreeSet<>(patient::compareRefs);
        steps.forEach(all::addAll);
        Integer[] ordered = all.toArray(Integer[]::new);
        List<String> table = new ArrayList<>(ordered.length);
        for (Integer ref : ordered) {
            table.add(patient.reference(ref));
        }
        int[][] indexes = new int[steps.size()][];
        for (int b = 0; b < steps.size(); b++) {
            int[] step = new int[steps.get(b).size()];
            int i = 0;
            for (Integer ref : steps.get(b)) {
                step[i++] = Arrays.binarySearch(ordered, ref, patient::compareRefs);
            }
            Arrays.sort(step);
            indexes[b] = step;
        }
        return new EpisodeProvenance(Instant.ofEpochMilli(grid.anchor()), Instant.ofEpochMilli(grid.start()), table,
                indexes);
    }
}
