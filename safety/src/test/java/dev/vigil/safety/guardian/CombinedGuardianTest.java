package dev.vigil.safety.guardian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CombinedGuardianTest {

    /** In support where the first coordinate is at most {@code limit}; score = limit - x0, threshold 0. */
    private record Below(double limit, int dimension) implements OodGuardian {
        @Override
        public GuardVerdict judge(double[] point) {
            return GuardVerdict.of(limit - point[0], 0);
        }
    }

    /** In support where the second coordinate is at least {@code floor}; score = x1, threshold floor. */
    private record Above(double floor, int dimension) implements OodGuardian {
        @Override
        public GuardVerdict judge(double[] point) {
            return GuardVerdict.of(point[1], floor);
        }
    }

    @Test
    void inSupportOnlyWhereEveryGuardianAgrees() {
        CombinedGuardian both = new CombinedGuardian(List.of(new Below(1, 2), new Above(-1, 2)));
        assertThat(both.dimension()).isEqualTo(2);
        // Both accept: the first guardian's verdict.
        assertThat(both.judge(new double[] {0.25, 0})).isEqualTo(new GuardVerdict(true, 0.75, 0));
        // The first flags: its verdict.
        assertThat(both.judge(new double[] {2, 0})).isEqualTo(new GuardVerdict(false, -1, 0));
        // Only the second flags: its verdict, on its own scale.
        assertThat(both.judge(new double[] {0, -3})).isEqualTo(new GuardVerdict(false, -3, -1));
        // Both flag: the first one's.
        assertThat(both.judge(new double[] {2, -3})).isEqualTo(new GuardVerdict(false, -1, 0));
        // A window is in support only if every point is, whichever guardian flags which point.
        assertThat(both.judgeWindow(new double[][] {{0, 0}, {0, -3}}).inSupport()).isFalse();
        assertThat(both.judgeWindow(new double[][] {{0, 0}, {0.5, 2}}).inSupport()).isTrue();
    }

    @Test
    void guardiansMustJudgeOneDimension() {
        assertThatThrownBy(() -> new CombinedGuardian(List.of(new Below(1, 2), new Above(0, 3))))
                .hasMessageContaining("one dimension").hasMessageContaining("2 and 3");
        assertThatThrownBy(() -> new CombinedGuardian(List.of())).hasMessageContaining("at least one");
    }
}
