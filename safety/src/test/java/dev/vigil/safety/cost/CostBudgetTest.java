package dev.vigil.safety.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CostBudgetTest {

    @Test
    void normalisedCostIsCostOverLimit() {
        assertThat(new CostBudget(0.5).normalised(3)).isEqualTo(6.0);
        assertThat(new CostBudget(4).normalised(1)).isEqualTo(0.25);
        assertThat(new CostBudget(2).normalised(2)).isEqualTo(1.0);
    }

    @Test
    void dsrlFormAddsEpsilonAboveAndBelow() {
        // (3 + 0.1) / (0.5 + 0.1) = 3.1 / 0.6 = 5.1666...
        assertThat(new CostBudget(0.5).dsrlNormalised(3, 0.1)).isCloseTo(5.166666666666667, within(1e-12));
        // (0 + 1) / (0 + 1) = 1 at a zero limit, where cost / limit is undefined.
        assertThat(new CostBudget(0).dsrlNormalised(0, 1)).isEqualTo(1.0);
        // (2 + 1) / (0 + 1) = 3.
        assertThat(new CostBudget(0).dsrlNormalised(2, 1)).isEqualTo(3.0);
    }

    @Test
    void zeroLimitAllowsOnlyZeroCost() {
        CostBudget none = new CostBudget(0);

        assertThat(none.normalised(0)).isZero();
        assertThat(none.normalised(1)).isInfinite();
        assertThat(none.withinBudget(0)).isTrue();
        assertThat(none.withinBudget(1e-9)).isFalse();
    }

    @Test
    void withinBudgetIncludesTheLimit() {
        CostBudget budget = CostBudget.ogsrl();

        assertThat(budget.limit()).isEqualTo(0.5);
        assertThat(budget.withinBudget(0.5)).isTrue();
        assertThat(budget.withinBudget(1)).isFalse();
        assertThat(budget.withinBudget(0)).isTrue();
    }

    @Test
    void rejectsNegativeNanAndInfiniteLimits() {
        assertThatThrownBy(() -> new CostBudget(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A cost budget of -1.0 is not allowed: budgets are non-negative undiscounted sums of step "
                        + "costs per episode; give a finite limit >= 0 (OGSRL used 0.5)");
        assertThatThrownBy(() -> new CostBudget(Double.NaN))
                .hasMessageContaining("budgets are non-negative undiscounted sums of step costs per episode");
        assertThatThrownBy(() -> new CostBudget(Double.POSITIVE_INFINITY))
                .hasMessageContaining("give a finite limit >= 0");
    }

    @Test
    void rejectsNegativeCostsAndBadEpsilon() {
        CostBudget budget = new CostBudget(1);

        assertThatThrownBy(() -> budget.normalised(-0.5))
                .hasMessageContaining("costs are non-negative (a violated rule costs its weight per step; the released "
                        + "OGSRL code used negative costs, Vigil does not)");
        assertThatThrownBy(() -> budget.withinBudget(Double.NaN)).hasMessageContaining("costs are non-negative");
        assertThatThrownBy(() -> budget.dsrlNormalised(1, 0)).hasMessageContaining("epsilon must be a finite number > 0");
    }
}
