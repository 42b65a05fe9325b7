package dev.vigil.ingestion.dataset;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Small hand-made datasets for the dataset tests. Each call builds fresh objects. */
final class DatasetFixtures {

    static final double NAN = Double.NaN;

    private DatasetFixtures() {
    }

    /** Two continuous episodes: 2 features (one held, one missing), 2 actions, outcomes, provenance. */
    static TrajectoryDataset continuous() {
        DatasetSchema schema = new DatasetSchema("fixture", SpaceType.continuous(),
                List.of(new Variable("heart_rate", "/min"), new Variable("lactate", "mmol/L")), SpaceType.continuous(),
                List.of(new Variable("iv_fluid", "mL"), new Variable("vasopressor", "ug/kg/min")), false, false,
                "icu-sepsis", "1.0.0", Duration.ofHours(4));
        Instant anchor = Instant.parse("2024-03-01T12:00:00Z");
        Episode first = new Episode("p1",
                new ContinuousStates(new double[][] {{88.5, 2.1}, {90.0, 2.1}, {NAN, NAN}},
                        new boolean[][] {{false, false}, {false, true}, {true, true}}),
                new ContinuousActions(new double[][] {{500.0, 0.0}, {250.0, 0.12}, {0.0, 0.3}}),
                null, null, new Outcome(true, 2.75),
                new EpisodeProvenance(anchor, anchor.minus(Duration.ofHours(4)),
                        List.of("Observation/hr-1", "Observation/lac-1", "MedicationAdministration/ne-1"),
                        new int[][] {{0, 1}, {1, 2}, {2}}),
                List.of(new ImagingLink(anchor, "file:///ct/p1.nii.gz", "DocumentReference/ct-1")));
        Episode second = new Episode("p2",
                new ContinuousStates(new double[][] {{-0.0, 1e-7}}, new boolean[][] {{false, false}}),
                new ContinuousActions(new double[][] {{1.0E10, 0.1}}),
                null, null, new Outcome(false, Double.NaN), null, List.of());
        return new TrajectoryDataset(schema, List.of(first, second));
    }

    /** Three tabular episodes with rewards and costs. */
    static TrajectoryDataset tabular() {
        DatasetSchema schema = new DatasetSchema("tabular", SpaceType.discrete(4), List.of(), SpaceType.discrete(3),
                List.of(), true, true, "", "", null);
        return new TrajectoryDataset(schema, List.of(
                new Episode("1", new DiscreteStates(new int[] {0, 1, 3}), new DiscreteActions(new int[] {2, 0, 1}),
                        new double[] {0, 0, 1}, new double[] {0, 1, 0}, null, null, null),
                new Episode("2", new DiscreteStates(new int[] {2}), new DiscreteActions(new int[] {1}),
                        new double[] {-1}, new double[] {0.5}, null, null, null),
                new Episode("3", new DiscreteStates(new int[] {1, 1}), new DiscreteActions(new int[] {0, 0}),
                        new double[] {0.25, -0.125}, new double[] {0, 0}, null, null, null)));
    }
}
