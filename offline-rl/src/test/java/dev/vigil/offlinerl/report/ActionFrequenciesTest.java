package dev.vigil.offlinerl.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.offlinerl.discretise.ActionBins;
import dev.vigil.offlinerl.discretise.DoseBins;
import dev.vigil.offlinerl.report.EvaluationReport.ActionHeatMaps;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden counts on a 5 x 5 grid, joint id = 5 * fluid bin + vasopressor bin. Clinicians {0, 6, 6, 24}: (vaso 0,
 * fluid 0), twice (1, 1), (4, 4). Policy {0, 7, 6, 0}: (0, 0) twice, (vaso 2, fluid 1), (1, 1).
 */
class ActionFrequenciesTest {

    static final ActionBins FLUID = new ActionBins("iv_fluid", new double[] {100, 500, 1000},
            new double[] {0, 50, 300, 700, 1500});
    static final ActionBins VASO = new ActionBins("vasopressor", new double[] {0.1, 0.2, 0.3},
            new double[] {0, 0.05, 0.15, 0.25, 0.4});

    @Test
    void countsClinicianAndPolicyBinsWithVasopressorRows() {
        ActionHeatMaps maps = ActionFrequencies.count(new DoseBins(List.of(FLUID, VASO)), new int[] {0, 6, 6, 24},
                new int[] {0, 7, 6, 0});

        assertThat(maps.rowAction()).isEqualTo("vasopressor");
        assertThat(maps.columnAction()).isEqualTo("iv_fluid");
        long[][] clinician = new long[5][5];
        clinician[0][0] = 1;
        clinician[1][1] = 2;
        clinician[4][4] = 1;
        assertThat(maps.clinician()).isDeepEqualTo(clinician);
        long[][] policy = new long[5][5];
        policy[0][0] = 2;
        policy[2][1] = 1;
        policy[1][1] = 1;
        assertThat(maps.policy()).isDeepEqualTo(policy);
        long[][] confusion = new long[25][25];
        confusion[0][0] = 1;
        confusion[6][7] = 1;
        confusion[6][6] = 1;
        confusion[24][0] = 1;
        assertThat(maps.confusion()).isDeepEqualTo(confusion);
    }

    @Test
    void findsTheVasopressorWhateverItsPosition() {
        // Vasopressor first: joint id = 5 * vaso bin + fluid bin, so id 7 is vaso 1, fluid 2.
        ActionHeatMaps maps = ActionFrequencies.count(new DoseBins(List.of(VASO, FLUID)), new int[] {7},
                new int[] {7});
        assertThat(maps.rowAction()).isEqualTo("vasopressor");
        assertThat(maps.clinician()[1][2]).isEqualTo(1);
    }

    @Test
    void needsATwoDimensionalGrid() {
        assertThatThrownBy(() -> ActionFrequencies.count(new DoseBins(List.of(FLUID)), new int[] {0}, new int[] {0}))
                .hasMessageContaining("2-D");
    }
}
